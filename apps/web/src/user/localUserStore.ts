import { type LocalUser, loadLocalUser, randomUserColor, saveLocalUser } from './localUser';

type Listener = () => void;

/** The local user, shared by every component of the page (header, presence, carets). */
class LocalUserStore {
  private user: LocalUser | null = loadLocalUser();
  private readonly listeners = new Set<Listener>();

  get = (): LocalUser | null => this.user;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setName(name: string): void {
    const trimmed = name.trim();
    if (trimmed === '') return;
    this.user = { name: trimmed, color: this.user?.color ?? randomUserColor() };
    saveLocalUser(this.user);
    for (const listener of this.listeners) listener();
  }
}

export const localUserStore = new LocalUserStore();
