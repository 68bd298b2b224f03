import { Dexie, type EntityTable } from 'dexie';
import type { AccountRecord, ConversationRecord } from '@/utils/conversations/model';
import type { HandoffRecord } from '@/utils/downloads/model';

/** The name of Lifeboat's IndexedDB database in the extension origin. */
export const ARCHIVE_DB_NAME = 'lifeboat';

/**
 * Lifeboat's one IndexedDB database. Every version below lists its full table set, so each block reads as a
 * complete snapshot; every version above 1 has an upgrade function and a test in tests/unit/utils/db/.
 * Index only what is queried.
 */
export class ArchiveDb extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  accounts!: EntityTable<AccountRecord, 'id'>;
  handoffs!: EntityTable<HandoffRecord, 'id'>;

  constructor(name: string = ARCHIVE_DB_NAME) {
    super(name);
    // v1: conversations listed per account, newest first; accounts by last sign-in; download hand-offs by age.
    this.version(1).stores({
      conversations: 'id, [accountId+updatedAt]',
      accounts: 'id, lastSeenAt',
      handoffs: 'id, createdAt',
    });
  }
}
