import { useCallback, useEffect, useState } from 'react';

/** Where the archive keeps how many rows "Show more" has revealed, for this tab only. */
export const SHOWN_COUNT_KEY = 'lifeboat:archive-shown';

/** Most pages of rows a stored count may ask for, so a bad value cannot make the archive render everything. */
const MAX_PAGES = 1000;

/** The stored count of rows to show: a whole number of pages, at least one page; anything else is one page. */
export function parseShownCount(stored: string | null, pageSize: number): number {
  const value = Number(stored);
  if (stored === null || !Number.isSafeInteger(value) || value < pageSize) return pageSize;
  return Math.min(Math.ceil(value / pageSize), MAX_PAGES) * pageSize;
}

/** Reads a tab's sessionStorage, or nothing where it is missing or blocked. */
function readStored(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(SHOWN_COUNT_KEY) ?? null;
  } catch {
    return null;
  }
}

/**
 * How many archive rows to show, and a `showMore` that adds a page. The count lives in sessionStorage, so going
 * from the archive to a chat and back (or reloading the tab) keeps what "Show more" revealed.
 */
export function useShownCount(
  pageSize: number,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.sessionStorage,
): { shown: number; showMore: () => void } {
  const [shown, setShown] = useState(() => parseShownCount(readStored(storage), pageSize));
  useEffect(() => {
    try {
      storage?.setItem(SHOWN_COUNT_KEY, String(shown));
    } catch {
      // Storage full or blocked: the count then lasts only while the archive is on screen.
    }
  }, [shown, storage]);
  const showMore = useCallback(() => setShown((value) => value + pageSize), [pageSize]);
  return { shown, showMore };
}
