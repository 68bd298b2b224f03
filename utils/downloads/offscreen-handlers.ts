import type { ArchiveDb } from '@/utils/db/database';
import type { Handlers } from '@/utils/messaging/protocol';
import { LifeboatError } from '@/utils/shared/lifeboat-error';
import { getHandoff, updateHandoff } from './store';

/** The offscreen document's handlers: blob: URLs for hand-off rows, revoked once the download is done. */
export function createOffscreenHandlers({ db }: { db: ArchiveDb }): Handlers<'offscreen'> {
  return {
    async createDownloadUrl({ handoffId }) {
      const handoff = await getHandoff(db, handoffId);
      if (handoff?.blob === undefined) {
        throw new LifeboatError('not-found', `Download ${handoffId} is no longer waiting.`);
      }
      const url = URL.createObjectURL(handoff.blob);
      // Recorded here, where it is made, so a worker stopped before it reads the reply still leaves a revocable row.
      await updateHandoff(db, handoffId, { url }).catch((error: unknown) => {
        URL.revokeObjectURL(url);
        throw error;
      });
      return { url };
    },
    async revokeDownloadUrl({ url }) {
      URL.revokeObjectURL(url);
      return { revoked: true };
    },
  };
}
