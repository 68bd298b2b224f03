import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import {
  capShownCount,
  parseShownCount,
  readShownCount,
  SHOWN_COUNT_KEY,
  useShownCount,
} from '@/hooks/use-shown-count';

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'sessionStorage');
});

/** A sessionStorage holding `stored` as the archive's count. */
function storageWith(stored: string): Pick<Storage, 'getItem' | 'setItem'> {
  return { getItem: (key) => (key === SHOWN_COUNT_KEY ? stored : null), setItem: () => {} };
}

/** Makes merely reading `globalThis.sessionStorage` throw, as it does where the browser blocks storage. */
function blockSessionStorage(): void {
  Object.defineProperty(globalThis, 'sessionStorage', {
    configurable: true,
    get: () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
}

function ShownCount({ total, storage }: { total: number | undefined; storage?: Pick<Storage, 'getItem' | 'setItem'> }) {
  return String(useShownCount(100, total, storage).shown);
}

describe('parseShownCount', () => {
  it.each([
    [null, 100],
    ['', 100],
    ['abc', 100],
    ['-300', 100],
    ['0', 100],
    ['99', 100],
    ['100', 100],
    ['300', 300],
    ['250', 300],
    ['1e400', 100],
    ['5000000', 5_000_000],
  ])('should read a stored %j as %i rows (pages of 100)', (stored, expected) => {
    expect(parseShownCount(stored, 100)).toBe(expected);
  });
});

describe('capShownCount', () => {
  it.each([
    [300, 1000, 300],
    [5_000_000, 250, 300],
    [5_000_000, 300, 300],
    [300, 0, 100],
    [5_000_000, undefined, 500],
    [200, undefined, 200],
  ])('should cap %i requested rows of a list of %s at %i (pages of 100)', (requested, total, expected) => {
    expect(capShownCount(requested, 100, total)).toBe(expected);
  });
});

describe('readShownCount', () => {
  it('should read nothing, not throw, where the browser blocks sessionStorage', () => {
    blockSessionStorage();
    expect(readShownCount()).toBeNull();
    const throwing = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {},
    };
    expect(readShownCount(throwing)).toBeNull();
  });
});

describe('useShownCount', () => {
  it("should restore a stored count no further than the list's total, rounded up to a page", () => {
    expect(renderToStaticMarkup(<ShownCount total={250} storage={storageWith('5000000')} />)).toBe('300');
    expect(renderToStaticMarkup(<ShownCount total={1000} storage={storageWith('300')} />)).toBe('300');
  });

  it('should restore only a few pages while the total is unknown', () => {
    expect(renderToStaticMarkup(<ShownCount total={undefined} storage={storageWith('5000000')} />)).toBe('500');
  });

  it('should show one page, not throw, where the browser blocks sessionStorage', () => {
    blockSessionStorage();
    expect(renderToStaticMarkup(<ShownCount total={1000} />)).toBe('100');
  });
});
