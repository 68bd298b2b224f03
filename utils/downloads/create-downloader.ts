import { type Browser, browser } from '#imports';
import type { ArchiveDb } from '@/utils/db/database';
import { sendMessage } from '@/utils/messaging/protocol';
import type { Downloader } from './model';

export interface DownloaderDeps {
  db: ArchiveDb;
  now?: () => number;
}

const OFFSCREEN_PATH = '/offscreen.html';
// Hand-offs older than this belong to downloads whose worker was stopped before it could clean up.
const STALE_HANDOFF_MS = 60 * 60 * 1000;

/**
 * Creates the downloader. An MV3 service worker has no `URL.createObjectURL`, so on Chrome the Blob goes through
 * IndexedDB to the offscreen document, which makes the blob: URL (runtime messages carry JSON, not Blobs). A
 * background page that has `createObjectURL` (Firefox) makes the URL itself.
 */
export function createDownloader({ db, now = Date.now }: DownloaderDeps): Downloader {
  async function ensureOffscreenDocument(): Promise<void> {
    const contexts = await browser.runtime.getContexts({
      contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    });
    if (contexts.length > 0) return;
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: [browser.offscreen.Reason.BLOBS],
      justification: 'Turn a backup or export built in the background into a file download.',
    });
  }

  async function blobUrl(blob: Blob): Promise<{ url: string; release: () => Promise<void> }> {
    if (typeof URL.createObjectURL === 'function') {
      const url = URL.createObjectURL(blob);
      return { url, release: async () => URL.revokeObjectURL(url) };
    }
    const handoffId = crypto.randomUUID();
    await db.handoffs
      .where('createdAt')
      .below(now() - STALE_HANDOFF_MS)
      .delete();
    await db.handoffs.put({ id: handoffId, blob, filename: '', createdAt: now() });
    await ensureOffscreenDocument();
    const { url } = await sendMessage('createDownloadUrl', { handoffId });
    return {
      url,
      release: async () => {
        await sendMessage('revokeDownloadUrl', { url });
        await db.handoffs.delete(handoffId);
      },
    };
  }

  return {
    async download(blob, filename) {
      const { url, release } = await blobUrl(blob);
      let downloadId: number;
      try {
        downloadId = await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
      } catch (error) {
        await release();
        throw error;
      }
      // The URL must live until the browser has read the whole file.
      const listener = (delta: Browser.downloads.DownloadDelta) => {
        const state = delta.state?.current;
        if (delta.id !== downloadId || (state !== 'complete' && state !== 'interrupted')) return;
        browser.downloads.onChanged.removeListener(listener);
        void release();
      };
      browser.downloads.onChanged.addListener(listener);
      return downloadId;
    },
  };
}
