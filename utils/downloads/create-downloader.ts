import { browser } from '#imports';
import type { ArchiveDb } from '@/utils/db/database';
import { sendMessage } from '@/utils/messaging/protocol';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import type { Downloader, HandoffRecord } from './model';
import { deleteHandoff, findHandoffByDownload, listHandoffs, putHandoff, updateHandoff } from './store';

/** What the downloader needs. */
export interface DownloaderDeps {
  db: ArchiveDb;
  logger: Logger;
  now?: () => number;
  /**
   * Whether this context can make blob: URLs itself (a Firefox background page) or needs the offscreen document
   * (a Chrome service worker has no `URL.createObjectURL`).
   */
  canMakeUrls?: boolean;
}

const OFFSCREEN_PATH = '/offscreen.html';

// A hand-off that still has no download id after this long belongs to a worker stopped before the browser
// accepted the download; younger ones may belong to a download starting right now.
const UNSTARTED_HANDOFF_MS = 5 * 60 * 1000;

/**
 * Creates the downloader. An MV3 service worker has no `URL.createObjectURL`, so on Chrome the Blob goes through
 * IndexedDB to the offscreen document, which makes the blob: URL (runtime messages carry JSON, not Blobs). A
 * background page that has `createObjectURL` (Firefox) makes the URL itself.
 *
 * Every download has a hand-off row holding its URL and download id until the download ends, because the worker
 * may be stopped long before that: the top-level `onChanged` listener or the start-up `sweep` of the next worker
 * then revokes the URL and deletes the row.
 */
export function createDownloader({
  db,
  logger,
  now = Date.now,
  canMakeUrls = typeof URL.createObjectURL === 'function',
}: DownloaderDeps): Downloader {
  let creating: Promise<void> | undefined;

  async function hasOffscreenDocument(): Promise<boolean> {
    const contexts = await browser.runtime.getContexts({
      contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    });
    return contexts.length > 0;
  }

  // One document for every download, created once even when two downloads start together (Chrome allows only
  // one). It is never closed: closing would race with a download that has just found it, and an idle offscreen
  // document costs next to nothing.
  async function ensureOffscreenDocument(): Promise<void> {
    if (await hasOffscreenDocument()) return;
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

  /** Revokes a hand-off's URL where it was made, then deletes the row. */
  async function release(handoff: HandoffRecord): Promise<void> {
    if (handoff.url !== undefined) {
      if (handoff.madeBy === 'background') {
        // A URL made by an earlier instance of the background page died with it; revoking it then does nothing.
        URL.revokeObjectURL(handoff.url);
      } else if (await hasOffscreenDocument()) {
        // The offscreen document outlives a stopped worker and still holds the URL. If it is gone, so is the URL:
        // blob: URLs die with the document that made them, so there is nothing to create it again for.
        await sendMessage('revokeDownloadUrl', { url: handoff.url });
      }
    }
    await deleteHandoff(db, handoff.id);
  }

  async function releaseQuietly(handoff: HandoffRecord): Promise<void> {
    await release(handoff).catch((error: unknown) =>
      logger.warn(`Could not clean up after download ${handoff.downloadId ?? handoff.id}: ${describeError(error)}`),
    );
  }

  /** A hand-off row with a blob: URL for `blob`. */
  async function startHandoff(blob: Blob): Promise<HandoffRecord & { url: string }> {
    const createdAt = now();
    if (canMakeUrls) {
      const url = URL.createObjectURL(blob);
      try {
        return {
          id: await putHandoff(db, { madeBy: 'background', url, createdAt }),
          madeBy: 'background',
          url,
          createdAt,
        };
      } catch (error) {
        URL.revokeObjectURL(url);
        throw error;
      }
    }
    const id = await putHandoff(db, { madeBy: 'offscreen', blob, createdAt });
    try {
      await ensureOffscreenDocument();
      const { url } = await sendMessage('createDownloadUrl', { handoffId: id });
      return { id, madeBy: 'offscreen', url, createdAt };
    } catch (error) {
      await deleteHandoff(db, id);
      throw error;
    }
  }

  return {
    async download(blob, filename) {
      const handoff = await startHandoff(blob);
      let downloadId: number;
      try {
        downloadId = await browser.downloads.download({
          url: handoff.url,
          filename,
          saveAs: false,
          conflictAction: 'uniquify',
        });
      } catch (error) {
        await releaseQuietly(handoff);
        throw error;
      }
      await updateHandoff(db, handoff.id, { downloadId });
      // A small file can finish before its id is recorded, when onChanged finds no row to clean up: look once.
      const [item] = await browser.downloads.search({ id: downloadId });
      if (item?.state !== 'in_progress') await releaseQuietly({ ...handoff, downloadId });
      return downloadId;
    },

    async onChanged(delta) {
      const state = delta.state?.current;
      if (state !== 'complete' && state !== 'interrupted') return;
      try {
        const handoff = await findHandoffByDownload(db, delta.id);
        if (handoff !== undefined) await release(handoff);
      } catch (error) {
        logger.warn(`Could not clean up after download ${delta.id}: ${describeError(error)}`);
      }
    },

    async sweep() {
      try {
        for (const handoff of await listHandoffs(db)) {
          if (handoff.downloadId === undefined) {
            if (now() - handoff.createdAt > UNSTARTED_HANDOFF_MS) await releaseQuietly(handoff);
            continue;
          }
          const [item] = await browser.downloads.search({ id: handoff.downloadId });
          // Still running: the top-level onChanged listener cleans up when it ends.
          if (item?.state !== 'in_progress') await releaseQuietly(handoff);
        }
      } catch (error) {
        logger.warn(`Could not look for downloads a stopped worker left behind: ${describeError(error)}`);
      }
    },
  };
}
