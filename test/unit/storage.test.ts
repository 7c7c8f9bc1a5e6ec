import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { safeLocalStorage } from '../../src/lib/storage';

function domError(name: string): DOMException {
  return new DOMException(`${name} for the test`, name);
}

describe('safeLocalStorage with working storage', () => {
  beforeEach(() => {
    window.localStorage.clear();
  });

  it('saves, reads and removes', () => {
    expect(safeLocalStorage.get('k')).toBeNull();
    expect(safeLocalStorage.set('k', 'v')).toBe(true);
    expect(window.localStorage.getItem('k')).toBe('v');
    expect(safeLocalStorage.get('k')).toBe('v');
    safeLocalStorage.remove('k');
    expect(safeLocalStorage.get('k')).toBeNull();
    expect(window.localStorage.getItem('k')).toBeNull();
  });
});

describe('safeLocalStorage when storage methods throw', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([['SecurityError'], ['QuotaExceededError'], ['InvalidStateError']])(
    'get gives null when getItem throws %s',
    (name) => {
      const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
        throw domError(name);
      });
      expect(() => safeLocalStorage.get('k')).not.toThrow();
      expect(safeLocalStorage.get('k')).toBeNull();
      expect(spy).toHaveBeenCalled();
    },
  );

  it.each([['QuotaExceededError'], ['SecurityError']])('set gives false when setItem throws %s', (name) => {
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw domError(name);
    });
    expect(() => safeLocalStorage.set('k', 'v')).not.toThrow();
    expect(safeLocalStorage.set('k', 'v')).toBe(false);
    expect(spy).toHaveBeenCalled();
  });

  it('remove does not throw when removeItem throws', () => {
    const spy = vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw domError('SecurityError');
    });
    expect(() => safeLocalStorage.remove('k')).not.toThrow();
    expect(spy).toHaveBeenCalled();
  });

  it('works again once the fault is gone', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementationOnce(() => {
      throw domError('QuotaExceededError');
    });
    expect(safeLocalStorage.set('k', 'v')).toBe(false);
    expect(safeLocalStorage.set('k', 'v')).toBe(true);
    expect(safeLocalStorage.get('k')).toBe('v');
  });
});

describe('safeLocalStorage when window.localStorage itself throws', () => {
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage');

  afterEach(() => {
    if (original) Object.defineProperty(window, 'localStorage', original);
    else Reflect.deleteProperty(window, 'localStorage');
  });

  it('reads as nothing stored and not saved, and never throws', () => {
    let reads = 0;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        reads += 1;
        throw domError('SecurityError');
      },
    });
    expect(() => window.localStorage).toThrow();
    expect(safeLocalStorage.get('k')).toBeNull();
    expect(safeLocalStorage.set('k', 'v')).toBe(false);
    expect(() => safeLocalStorage.remove('k')).not.toThrow();
    expect(reads).toBeGreaterThanOrEqual(4);
  });

  it('reads as nothing stored when localStorage is missing (null)', () => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get: () => null });
    expect(safeLocalStorage.get('k')).toBeNull();
    expect(safeLocalStorage.set('k', 'v')).toBe(false);
    expect(() => safeLocalStorage.remove('k')).not.toThrow();
  });

  it('the real storage is back after each test', () => {
    expect(safeLocalStorage.set('back', 'yes')).toBe(true);
    expect(safeLocalStorage.get('back')).toBe('yes');
  });
});
