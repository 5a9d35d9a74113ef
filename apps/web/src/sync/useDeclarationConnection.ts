import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LocalUser } from '../user/localUser';
import { type ConnectionState, DeclarationConnection } from './DeclarationConnection';
import { takeEarlyConnection } from './earlyConnection';

const INITIAL: ConnectionState = { status: 'connecting', ready: false, problem: null, unsaved: 0, generation: 0, roleChanges: 0 };
const noop = () => () => {};

/**
 * Opens the declaration `id` for as long as the calling component is mounted: one Y.Doc and one
 * provider for the whole page. Returns null until the connection exists (the first render).
 */
export function useDeclarationConnection(id: string, user: LocalUser, enabled = true): DeclarationConnection | null {
  const [connection, setConnection] = useState<DeclarationConnection | null>(null);
  useEffect(() => {
    // Not for someone the server already said may not open it: the upgrade would be refused.
    if (!enabled) return;
    // The one the app's entry may have opened already (earlyConnection), else a new one.
    const created = takeEarlyConnection(id) ?? new DeclarationConnection(id, user);
    setConnection(created);
    return () => {
      created.destroy();
      setConnection(null);
    };
    // Not on `user`: a new name changes how we appear to others (`setUser`), not the connection.
  }, [id, enabled]);
  useEffect(() => {
    connection?.setUser(user);
  }, [connection, user.name, user.color]);
  return connection;
}

export function useConnectionState(connection: DeclarationConnection | null): ConnectionState {
  return useSyncExternalStore(connection?.subscribe ?? noop, connection ? connection.getState : () => INITIAL);
}
