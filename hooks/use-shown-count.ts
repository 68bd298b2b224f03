import { useCallback, useEffect, useState } from 'react';

/** Where the archive keeps how many rows "Show more" has revealed, for this tab only. */
export const SHOWN_COUNT_KEY = 'lifeboat:archive-shown';

/** Most pages a restored count may ask for while the list's size is not known yet. */
const PAGES_BEFORE_TOTAL = 5;

/** The stored count of rows to show: a whole number of pages, at least one page; anything else is one page. */
export function parseShownCount(stored: string | null, pageSize: number): number {
  const value = Number(stored);
  if (stored === null || !Number.isSafeInteger(value) || value < pageSize) return pageSize;
  return Math.ceil(value / pageSize) * pageSize;
}

/**
 * At most `requested` rows, and no more pages than a list of `total` rows fills (at least one page). While the
 * total is unknown, at most a few pages, so a bad stored count cannot make the archive ask for everything.
 */
export function capShownCount(requested: number, pageSize: number, total: number | undefined): number {
  const pages = total === undefined ? PAGES_BEFORE_TOTAL : Math.max(1, Math.ceil(total / pageSize));
  return Math.min(requested, pages * pageSize);
}

type TabStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads the stored count from `storage` (default: the tab's sessionStorage), or nothing where it is missing or blocked. */
export function readShownCount(storage?: TabStorage): string | null {
  try {
    // Inside the try: with storage blocked, merely reading `sessionStorage` throws a SecurityError.
    return (storage ?? globalThis.sessionStorage)?.getItem(SHOWN_COUNT_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * How many archive rows to show, and a `showMore` that adds a page. `total` is how many rows the list has
 * (undefined until known); a restored count is cut down to it. The count lives in sessionStorage, so going from
 * the archive to a chat and back (or reloading the tab) keeps what "Show more" revealed.
 */
export function useShownCount(
  pageSize: number,
  total: number | undefined,
  storage?: TabStorage,
): { shown: number; showMore: () => void } {
  const [requested, setRequested] = useState(() => parseShownCount(readShownCount(storage), pageSize));
  const shown = capShownCount(requested, pageSize, total);
  // Once the total is known, a count beyond it is dropped for good, so rows added later stay behind "Show more".
  if (total !== undefined && shown < requested) setRequested(shown);
  const known = total !== undefined;
  useEffect(() => {
    // Before the total is known `shown` may be cut to a few pages; storing that would lose the real count.
    if (!known) return;
    try {
      (storage ?? globalThis.sessionStorage)?.setItem(SHOWN_COUNT_KEY, String(shown));
    } catch {
      // Storage full or blocked: the count then lasts only while the archive is on screen.
    }
  }, [shown, known, storage]);
  const showMore = useCallback(() => setRequested((value) => value + pageSize), [pageSize]);
  return { shown, showMore };
}
