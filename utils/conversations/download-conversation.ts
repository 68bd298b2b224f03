import type { ArchiveDb } from '@/utils/db/database';
import type { Downloader } from '@/utils/downloads/model';
import { safeFilename } from '@/utils/shared/safe-filename';

/** Saves one archived conversation's raw JSON as a file; resolves with the file name, throws if it is unknown. */
export async function downloadConversation(db: ArchiveDb, downloader: Downloader, id: string) {
  const record = await db.conversations.get(id);
  if (record === undefined) throw new Error(`Conversation ${id} is not in the archive.`);
  const filename = `Lifeboat/${safeFilename(record.title, 'Untitled chat')} (${id.slice(0, 8)}).json`;
  const blob = new Blob([JSON.stringify(record.raw, null, 2)], { type: 'application/json' });
  await downloader.download(blob, filename);
  return { filename };
}
