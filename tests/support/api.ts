/** Small fetch helpers for the REST API: they return status and parsed JSON, never throw on 4xx. */
export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

export async function postJson(url: string, body: unknown, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  return { status: response.status, body: await response.json() };
}

export async function createDeclarationViaApi(baseUrl: string, title = { fr: 'Déclaration de test', ja: 'テスト宣言' }): Promise<string> {
  const { status, body } = await postJson(`${baseUrl}/api/declarations`, { title });
  if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
  return (body as { id: string }).id;
}
