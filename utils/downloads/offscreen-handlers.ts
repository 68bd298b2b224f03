import type { ArchiveDb } from '@/utils/db/database';
import type { Handlers } from '@/utils/messaging/protocol';
import { LifeboatError } from '@/utils/shared/lifeboat-error';
import { getHandoff } from './store';

/** The offscreen document's handlers: blob: URLs for hand-off rows, revoked once the download is done. */
export function createOffscreenHandlers({ db }: { db: ArchiveDb }): Handlers<'offscreen'> {
  return {
    async createDownloadUrl({ handoffId }) {
      const handoff = await getHandoff(db, handoffId);
      if (handoff === undefined) throw new LifeboatError('not-found', `Download ${handoffId} is no longer waiting.`);
      return { url: URL.createObjectURL(handoff.blob) };
    },
    async revokeDownloadUrl({ url }) {
      URL.revokeObjectURL(url);
      return { revoked: true };
    },
  };
}
