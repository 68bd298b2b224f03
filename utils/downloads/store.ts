import type { ArchiveDb } from '@/utils/db/database';
import type { HandoffRecord } from './model';

/** Stores a new hand-off and returns its id. */
export async function putHandoff(db: ArchiveDb, handoff: Omit<HandoffRecord, 'id'>): Promise<string> {
  const id = crypto.randomUUID();
  await db.handoffs.put({ ...handoff, id });
  return id;
}

/** The hand-off with this id, or undefined once it has been cleaned up. */
export function getHandoff(db: ArchiveDb, id: string): Promise<HandoffRecord | undefined> {
  return db.handoffs.get(id);
}

/** Every hand-off still waiting: a few rows at most, so callers filter in memory rather than through an index. */
export function listHandoffs(db: ArchiveDb): Promise<HandoffRecord[]> {
  return db.handoffs.toArray();
}

/** The hand-off of one browser download, if it is still waiting. */
export function findHandoffByDownload(db: ArchiveDb, downloadId: number): Promise<HandoffRecord | undefined> {
  return db.handoffs.filter((handoff) => handoff.downloadId === downloadId).first();
}

/** Records what became known about a hand-off: its blob: URL or its download id. */
export async function updateHandoff(
  db: ArchiveDb,
  id: string,
  changes: Pick<Partial<HandoffRecord>, 'url' | 'downloadId'>,
): Promise<void> {
  await db.handoffs.update(id, changes);
}

/** Removes a hand-off once its download URL is no longer needed. */
export function deleteHandoff(db: ArchiveDb, id: string): Promise<void> {
  return db.handoffs.delete(id);
}
