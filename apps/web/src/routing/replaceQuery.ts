/**
 * Changes the address's query in place (a picker's choice is not a page to go back to) and tells
 * `useRoute` / `useSearchParam` listeners.
 */
export function replaceQuery(params: Record<string, string>): void {
  const query = new URLSearchParams(params);
  history.replaceState(history.state, '', `${location.pathname}?${query}${location.hash}`);
  dispatchEvent(new PopStateEvent('popstate'));
}
