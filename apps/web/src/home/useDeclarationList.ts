import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/apiRequest';
import { type DeclarationSummary, listDeclarations } from '../api/declarationsApi';

export type DeclarationListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** No session at all on this device (401): not an error, the person has not joined yet. */
  | { status: 'unauthorized' }
  /** `admin`: this browser is signed in as administrator, as the server says. */
  | { status: 'ready'; declarations: DeclarationSummary[]; admin: boolean };

/** Fetches the declaration list; `reload` fetches it again (after an error). */
export function useDeclarationList(): [DeclarationListState, () => void] {
  const [state, setState] = useState<DeclarationListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    listDeclarations(controller.signal).then(
      ({ declarations, admin }) => setState({ status: 'ready', declarations, admin }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          setState({ status: 'unauthorized' });
          return;
        }
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, reload];
}
