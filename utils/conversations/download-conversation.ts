import type { ArchiveDb } from '@/utils/db/database';
import type { Downloader } from '@/utils/downloads/model';
import { LifeboatError } from '@/utils/shared/lifeboat-error';
import { safeFilename } from '@/utils/shared/safe-filename';

/**
 * Saves one archived conversation's JSON as a file, byte for byte as chatgpt.com sent it; resolves with the file
 * name and download id once the download starts. `untitled` names a chat ChatGPT never titled, in the user's
 * language. Throws LifeboatError `not-found` for an unknown id.
 */
export async function downloadConversation(db: ArchiveDb, downloader: Downloader, id: string, untitled: string) {
  const [record, body] = await Promise.all([db.conversations.get(id), db.conversationBodies.get(id)]);
  if (record === undefined || body === undefined) {
    throw new LifeboatError('not-found', `Conversation ${id} is not in the archive.`);
  }
  const filename = `Lifeboat/${safeFilename(record.title, untitled)} (${id.slice(0, 8)}).json`;
  const blob = new Blob([body.text], { type: 'application/json' });
  const downloadId = await downloader.download(blob, filename);
  return { downloadId, filename };
}
