import { type Browser, browser } from '#imports';
import { LifeboatError } from '@/utils/shared/lifeboat-error';

/** How a download ended: saved under its final path, or stopped by the browser or the user. */
export type DownloadOutcome =
  | { state: 'complete' /** The absolute path the browser saved it under, after any `(1)` it added. */; path: string }
  | { state: 'interrupted' /** The browser's reason, e.g. `USER_CANCELED` or `FILE_NO_SPACE`. */; reason: string };

/**
 * Waits, in an extension page, until the browser has finished or stopped a download. It subscribes to
 * `downloads.onChanged` before it looks the download up, so an end that comes between the two is not missed.
 * Throws LifeboatError `not-found` if the browser no longer lists the download (erased from its list).
 */
export function waitForDownload(downloadId: number): Promise<DownloadOutcome> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      browser.downloads.onChanged.removeListener(onChanged);
      browser.downloads.onErased.removeListener(onErased);
      finish();
    };
    const gone = () =>
      settle(() =>
        reject(new LifeboatError('not-found', `Download ${downloadId} is no longer in the browser's list.`)),
      );

    // The item, not the event, says where the file went: `filename` is in a delta only when it changed.
    const look = async () => {
      const [item] = await browser.downloads.search({ id: downloadId });
      if (item === undefined) gone();
      else if (item.state === 'complete') settle(() => resolve({ state: 'complete', path: item.filename }));
      else if (item.state === 'interrupted') {
        settle(() => resolve({ state: 'interrupted', reason: item.error ?? 'FAILED' }));
      }
    };
    const lookSafely = () => look().catch((error: unknown) => settle(() => reject(error)));
    const onChanged = (delta: Browser.downloads.DownloadDelta) => {
      const state = delta.state?.current;
      if (delta.id === downloadId && (state === 'complete' || state === 'interrupted')) void lookSafely();
    };
    const onErased = (id: number) => {
      if (id === downloadId) gone();
    };

    browser.downloads.onChanged.addListener(onChanged);
    browser.downloads.onErased.addListener(onErased);
    void lookSafely();
  });
}
