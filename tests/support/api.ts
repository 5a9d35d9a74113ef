import { ADMIN_TOKEN } from './adminToken';

/**
 * Small fetch helpers for the REST API: they return status and parsed JSON (or `null` for an empty
 * body), never throw on 4xx. They authenticate as the administrator unless given `token` (`null`:
 * no credential at all).
 */
export interface Auth {
  token?: string | null;
}

function authHeaders(auth: Auth): Record<string, string> {
  const token = auth.token === undefined ? ADMIN_TOKEN : auth.token;
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

async function parse(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

export async function getJson(url: string, auth: Auth = {}): Promise<{ status: number; body: unknown }> {
  return parse(await fetch(url, { headers: authHeaders(auth) }));
}

export async function postJson(url: string, body: unknown, init: RequestInit & Auth = {}): Promise<{ status: number; body: unknown }> {
  const { token, ...rest } = init;
  const response = await fetch(url, {
    method: 'POST',
    ...rest,
    headers: { 'content-type': 'application/json', ...authHeaders({ token }), ...rest.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return parse(response);
}

export async function deleteJson(url: string, auth: Auth = {}): Promise<{ status: number; body: unknown }> {
  return parse(await fetch(url, { method: 'DELETE', headers: authHeaders(auth) }));
}

export async function createDeclarationViaApi(baseUrl: string, title = { fr: 'Déclaration de test', ja: 'テスト宣言' }): Promise<string> {
  const { status, body } = await postJson(`${baseUrl}/api/declarations`, { title });
  if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
  return (body as { id: string }).id;
}

/** A member of `declarationId` with `role`, through a real invite and join: their session token. */
export async function joinAs(
  baseUrl: string,
  declarationId: string,
  who: { role: string; name: string; sections?: string[]; language?: 'fr' | 'ja' | 'en' },
): Promise<{ token: string; memberId: string }> {
  const invite = await postJson(`${baseUrl}/api/declarations/${declarationId}/invites`, {
    role: who.role,
    ...(who.sections ? { sections: who.sections } : {}),
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const joined = await postJson(
    `${baseUrl}/api/session`,
    { invite: (invite.body as { token: string }).token, name: who.name, language: who.language ?? 'fr' },
    { token: null },
  );
  if (joined.status !== 201) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  return joined.body as { token: string; memberId: string };
}
