import { dismissReply } from '@accord/protocol/rest/checks';
import { declarationUrl, parseResponse, request } from './apiRequest';
import { jsonBody } from './jsonBody';

/**
 * « Not an error » (R2): the server records who and why in the document's `review` map, which
 * reaches every page live; the answer only says it worked.
 */
export async function dismissFinding(id: string, findingId: string, reason: string): Promise<void> {
  parseResponse(dismissReply, await request(`${declarationUrl(id)}/checks/dismissals`, jsonBody({ findingId, reason })), 201);
}

/** Withdraws a dismissal (R3): the finding is open again, for everyone. */
export async function restoreFinding(id: string, findingId: string): Promise<void> {
  parseResponse(dismissReply, await request(`${declarationUrl(id)}/checks/dismissals/${encodeURIComponent(findingId)}`, { method: 'DELETE' }));
}
