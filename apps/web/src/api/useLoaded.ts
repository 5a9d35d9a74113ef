import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './apiRequest';

export type Loaded<T> =
  | { status: 'loading' }
  /** `httpStatus`: the server's answer (401: no session, 403: not allowed), null for other failures. */
  | { status: 'error'; message: string; httpStatus: number | null }
  | { status: 'ready'; value: T };

/**
 * Runs `load` when `key` changes (and on `reload`), aborting the previous request: the one way
 * the app fetches what a page shows. While a reload runs, a value already shown stays on screen:
 * a list that blinks to "loading" after every save is harder to follow than one that updates in
 * place. An error does not stay while its retry runs.
 */
export function useLoaded<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadedKey, setLoadedKey] = useState(key);
  if (loadedKey !== key) {
    // Another resource: do not show the previous one's value meanwhile.
    setLoadedKey(key);
    setState({ status: 'loading' });
  }
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'error' ? { status: 'loading' } : current));
    load(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
          httpStatus: error instanceof ApiError && error.status > 0 ? error.status : null,
        });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure every render; `key` says what it loads.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}
