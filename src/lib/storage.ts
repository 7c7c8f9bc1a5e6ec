/**
 * localStorage that never throws: disabled storage (SecurityError on access), a full quota,
 * or a browser without it all read as "nothing stored" and "not saved".
 */
export interface SafeStorage {
  get(key: string): string | null;
  /** True when the value was saved. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

function backing(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const safeLocalStorage: SafeStorage = {
  get(key) {
    try {
      return backing()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      const s = backing();
      if (!s) return false;
      s.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  },
  remove(key) {
    try {
      backing()?.removeItem(key);
    } catch {
      // Nothing to do: the value lives on only for this visit.
    }
  },
};
