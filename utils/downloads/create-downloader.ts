import { type Browser, browser } from '#imports';
import type { ArchiveDb } from '@/utils/db/database';
import { sendMessage } from '@/utils/messaging/protocol';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import type { Downloader } from './model';
import { deleteHandoff, putHandoff } from './store';

/** What the downloader needs. */
export interface DownloaderDeps {
  db: ArchiveDb;
  logger: Logger;
  now?: () => number;
}

const OFFSCREEN_PATH = '/offscreen.html';

/**
 * Creates the downloader. An MV3 service worker has no `URL.createObjectURL`, so on Chrome the Blob goes through
 * IndexedDB to the offscreen document, which makes the blob: URL (runtime messages carry JSON, not Blobs). A
 * background page that has `createObjectURL` (Firefox) makes the URL itself.
 */
export function createDownloader({ db, logger, now = Date.now }: DownloaderDeps): Downloader {
  let creating: Promise<void> | undefined;

  // One document for every download, created once even when two downloads start together (Chrome allows only
  // one). It is never closed: closing would race with a download that has just found it, and an idle offscreen
  // document costs next to nothing.
  async function ensureOffscreenDocument(): Promise<void> {
    const contexts = await browser.runtime.getContexts({
      contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    });
    if (contexts.length > 0) return;
    creating ??= browser.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: [browser.offscreen.Reason.BLOBS],
        justification: 'Turn a backup or export built in the background into a file download.',
      })
      .finally(() => {
        creating = undefined;
      });
    await creating;
  }

  async function blobUrl(blob: Blob): Promise<{ url: string; release: () => Promise<void> }> {
    if (typeof URL.createObjectURL === 'function') {
      const url = URL.createObjectURL(blob);
      return { url, release: async () => URL.revokeObjectURL(url) };
    }
    const handoffId = await putHandoff(db, blob, now());
    await ensureOffscreenDocument();
    const { url } = await sendMessage('createDownloadUrl', { handoffId });
    return {
      url,
      release: async () => {
        await sendMessage('revokeDownloadUrl', { url });
        await deleteHandoff(db, handoffId);
      },
    };
  }

  return {
    async download(blob, filename) {
      const { url, release } = await blobUrl(blob);
      const finish = () =>
        release().catch((error: unknown) =>
          logger.warn(`Could not clean up after a download: ${describeError(error)}`),
        );
      // The URL must live until the browser has read the whole file. Listen before starting, so a small file
      // that finishes at once is not missed.
      let downloadId: number | undefined;
      const finished = new Set<number>();
      const listener = (delta: Browser.downloads.DownloadDelta) => {
        const state = delta.state?.current;
        if (state !== 'complete' && state !== 'interrupted') return;
        if (downloadId === undefined) finished.add(delta.id);
        else if (delta.id === downloadId) done();
      };
      const done = () => {
        browser.downloads.onChanged.removeListener(listener);
        void finish();
      };
      browser.downloads.onChanged.addListener(listener);
      try {
        downloadId = await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
      } catch (error) {
        browser.downloads.onChanged.removeListener(listener);
        await finish();
        throw error;
      }
      if (finished.has(downloadId)) done();
      return downloadId;
    },
  };
}
