import type { ArchiveDb } from '@/utils/db/database';
import type { HandoffRecord } from './model';

// Hand-offs older than this belong to downloads whose worker was stopped before it could clean up.
const STALE_HANDOFF_MS = 60 * 60 * 1000;

/** Stores a Blob for the offscreen document and returns its id; sweeps hand-offs left by stopped workers. */
export async function putHandoff(db: ArchiveDb, blob: Blob, now: number): Promise<string> {
  const id = crypto.randomUUID();
  await db.transaction('rw', db.handoffs, async () => {
    await db.handoffs
      .where('createdAt')
      .below(now - STALE_HANDOFF_MS)
      .delete();
    await db.handoffs.put({ id, blob, createdAt: now });
  });
  return id;
}

/** The hand-off with this id, or undefined once it has been used. */
export function getHandoff(db: ArchiveDb, id: string): Promise<HandoffRecord | undefined> {
  return db.handoffs.get(id);
}

/** Removes a hand-off once its download URL is no longer needed. */
export function deleteHandoff(db: ArchiveDb, id: string): Promise<void> {
  return db.handoffs.delete(id);
}
