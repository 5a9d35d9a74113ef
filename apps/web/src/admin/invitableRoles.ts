import { ROLES } from '@accord/permissions/roles';

/**
 * Roles an administrator hands out, by invitation or by changing a member's role: administrators
 * come from the token (A1), never from these screens.
 */
export const INVITABLE_ROLES = ROLES.filter((role) => role !== 'admin');
