import '@/utils/shared/zod-jitless';
import { Dexie } from 'dexie';
import { saveConversation, toConversationRecord } from '@/utils/conversations/store';
import { ArchiveDb } from '@/utils/db/database';
import { sendMessage } from '@/utils/messaging/protocol';

// Runs inside an extension page of the built extension (bundled by run-bench.ts and evaluated there), so every
// scenario uses the real IndexedDB of the extension origin and, for the full path, the real background.

const ACCOUNT = { id: 'user-bench', label: 'Bench', kind: 'personal' as const };

class BaselineDb extends Dexie {
  conversations!: Dexie.Table<{ id: string; raw: unknown }, string>;
  constructor() {
    super('lifeboat-bench-baseline');
    this.version(1).stores({ conversations: 'id' });
  }
}

const archive = new ArchiveDb();
const baseline = new BaselineDb();

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

const idOf = (conversation: Record<string, unknown>) => String(conversation.conversation_id);

const scenarios = {
  /** Baseline: one bare Dexie bulkPut of the raw JSON, no validation and no derived fields. */
  bulkPutBaseline: (conversations: Record<string, unknown>[]) =>
    timed(() => baseline.conversations.bulkPut(conversations.map((raw) => ({ id: idOf(raw), raw }))).then(() => {})),
  /** The real path a content script takes: one protocol message per chat, validated and stored by the background. */
  storeThroughBackground: (conversations: Record<string, unknown>[]) =>
    timed(async () => {
      for (const conversation of conversations) {
        await sendMessage('saveConversation', {
          conversationId: idOf(conversation),
          account: ACCOUNT,
          conversation,
          source: 'sync',
        });
      }
    }),
  /** Validation and derived fields alone, no database: how much of the store path is CPU. */
  validateOnly: (conversations: Record<string, unknown>[]) =>
    timed(async () => {
      for (const conversation of conversations) {
        toConversationRecord({ conversationId: idOf(conversation), account: ACCOUNT, conversation, source: 'sync' }, 0);
      }
    }),
  /** The background's own work without messaging: validate, derive, store in one transaction per chat. */
  storeInPage: (conversations: Record<string, unknown>[]) =>
    timed(async () => {
      for (const conversation of conversations) {
        await saveConversation(archive, {
          conversationId: idOf(conversation),
          account: ACCOUNT,
          conversation,
          source: 'sync',
        });
      }
    }),
};

async function reset(): Promise<void> {
  await Promise.all([archive.conversations.clear(), archive.accounts.clear(), baseline.conversations.clear()]);
}

async function count(): Promise<{ archive: number; baseline: number }> {
  return { archive: await archive.conversations.count(), baseline: await baseline.conversations.count() };
}

Object.assign(globalThis, { lifeboatBench: { scenarios, reset, count } });
