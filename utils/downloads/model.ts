/** Saves Blobs to the user's Downloads folder from the background. */
export interface Downloader {
  /** Starts the download and resolves with the browser's download id. Throws if the browser refuses. */
  download(blob: Blob, filename: string): Promise<number>;
}

/** A Blob handed from the background to the offscreen document, which turns it into a download URL. */
export interface HandoffRecord {
  id: string;
  blob: Blob;
  createdAt: number;
}
