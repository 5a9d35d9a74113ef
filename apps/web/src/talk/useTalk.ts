import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { TalkState, type TalkSnapshot } from './TalkState';

/** The live conversation of a declaration, open while the component is mounted. */
export function useTalkState(declarationId: string, enabled: boolean): TalkState {
  const state = useMemo(() => new TalkState(declarationId), [declarationId]);
  useEffect(() => (enabled ? state.start() : undefined), [state, enabled]);
  return state;
}

export function useTalk(state: TalkState): TalkSnapshot {
  return useSyncExternalStore(state.subscribe, state.getSnapshot);
}
