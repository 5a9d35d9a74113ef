/** Who is editing on this device: shown to others next to the cursor and in the presence list. */
export interface LocalUser {
  name: string;
  /** `#rrggbb`: the only colour format y-tiptap's carets accept. */
  color: string;
}

const STORAGE_KEY = 'accord.user';

/**
 * Caret colours: saturated enough to see a one-pixel caret on white, dark enough for the white
 * name label on top of them (contrast ≥ 4.5:1 with white text).
 */
export const USER_COLORS = ['#1f6feb', '#b42318', '#0f7b6c', '#8e44ad', '#b54708', '#c11574', '#3b5bdb', '#2f6f3e'] as const;

export function randomUserColor(): string {
  const index = crypto.getRandomValues(new Uint8Array(1))[0]! % USER_COLORS.length;
  return USER_COLORS[index]!;
}

export function loadLocalUser(): LocalUser | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { name, color } = parsed as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') return null;
    return { name: name.trim(), color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : randomUserColor() };
  } catch {
    return null;
  }
}

export function saveLocalUser(user: LocalUser): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(user));
  } catch {
    // Without storage the name lasts for this page; the prompt comes back next time.
  }
}
