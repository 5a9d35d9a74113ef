import { isRole, type Role } from '@accord/permissions/roles';
import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { AwarenessLocation } from './DeclarationConnection';

export interface Peer {
  clientId: number;
  /** As the server knows them (A15): it rewrites every state's name and role from the session. */
  name: string;
  /** `null` only for this page's own state, which the server never sends back. */
  role: Role | null;
  color: string;
  location: AwarenessLocation | null;
  isSelf: boolean;
}

const cache = new WeakMap<Awareness, Peer[]>();

/** Everyone with this declaration open (this page included), from awareness, sorted by name. */
export function usePeers(awareness: Awareness): Peer[] {
  return useSyncExternalStore(
    (onChange) => {
      const handler = () => {
        cache.delete(awareness);
        onChange();
      };
      // `change`, not `update`: the periodic keep-alive renewals would re-render for nothing.
      awareness.on('change', handler);
      return () => awareness.off('change', handler);
    },
    () => {
      let peers = cache.get(awareness);
      if (!peers) {
        peers = readPeers(awareness);
        cache.set(awareness, peers);
      }
      return peers;
    },
  );
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as { name?: unknown; role?: unknown; color?: unknown } | undefined;
    if (!user || typeof user.name !== 'string') return;
    const location = state.location as { sectionId?: unknown; lang?: unknown } | null | undefined;
    peers.push({
      clientId,
      name: user.name,
      role: isRole(user.role) ? user.role : null,
      color: typeof user.color === 'string' ? user.color : '#667085',
      location:
        location && typeof location.sectionId === 'string' && (location.lang === 'fr' || location.lang === 'ja')
          ? { sectionId: location.sectionId, lang: location.lang }
          : null,
      isSelf: clientId === awareness.clientID,
    });
  });
  return peers.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}
