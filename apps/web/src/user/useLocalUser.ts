import { useSyncExternalStore } from 'react';
import type { LocalUser } from './localUser';
import { localUserStore } from './localUserStore';

export function useLocalUser(): LocalUser | null {
  return useSyncExternalStore(localUserStore.subscribe, localUserStore.get);
}
