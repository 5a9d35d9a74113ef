/**
 * Client-side navigation: pushes the path and tells `useRoute` listeners. `replace`: the page
 * left behind is not one to go back to (a used invitation link, a sign-in form).
 */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === location.pathname) return;
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}
