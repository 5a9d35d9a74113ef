/** A POST (or other method) with a JSON body, as every Accord API write takes. */
export function jsonBody(body: unknown, method = 'POST'): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
