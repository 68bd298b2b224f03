import type { Browser } from '#imports';

/** Saves Blobs to the user's Downloads folder from the background. */
export interface Downloader {
  /**
   * Starts the download and resolves with the browser's download id as soon as the browser has accepted it,
   * without waiting for the file to be written. Throws if the browser refuses.
   */
  download(blob: Blob, filename: string): Promise<number>;
  /**
   * The `downloads.onChanged` listener: once a download of ours is complete or interrupted, revokes its blob: URL
   * and deletes its hand-off. Register it synchronously in background `main`, so an event that wakes a stopped
   * worker reaches it. Never throws (logs instead).
   */
  onChanged(delta: Browser.downloads.DownloadDelta): Promise<void>;
  /**
   * Cleans up hand-offs a stopped worker left behind: those whose download has ended or is gone, and those that
   * never got a download id within a few minutes. Downloads still in progress keep theirs. Never throws.
   */
  sweep(): Promise<void>;
}

/**
 * One download's blob: URL and its bookkeeping, kept until the download ends so that a restarted worker can still
 * clean up. `blob` is there only when the offscreen document makes the URL (Chrome); a background page that can
 * make URLs itself (Firefox) keeps the Blob in memory and stores no copy.
 */
export interface HandoffRecord {
  id: string;
  blob?: Blob;
  createdAt: number;
  /** The context that made the blob: URL and so must revoke it. */
  madeBy: 'offscreen' | 'background';
  /** The blob: URL, once made. */
  url?: string;
  /** The browser's download id, once the download has started. */
  downloadId?: number;
}
