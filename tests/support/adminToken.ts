import { createHash } from 'node:crypto';

/**
 * The administrator token every server started by the tests uses (`ACCORD_ADMIN_TOKEN`). Test
 * clients act as the administrator unless a test gives them another token, so that tests about
 * sync, storage or load need not also set up invitations; the access tests do, explicitly.
 */
export const ADMIN_TOKEN = 'test-administrator-token-not-a-secret';

export const ADMIN_TOKEN_HASH = createHash('sha256').update(ADMIN_TOKEN).digest('hex');
