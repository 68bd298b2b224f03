import { useLiveQuery } from 'dexie-react-hooks';
import type { AccountRecord, ConversationRecord } from '@/utils/conversations/model';
import { countConversations, getCurrentAccount, listConversations } from '@/utils/conversations/store';
import { db } from '@/utils/db/db';

/** Live data of one view; `undefined` fields mean the database has not answered yet. */
export type Loadable<T> = { loading: true } | ({ loading: false } & T);

/** The signed-in account (most recently seen on chatgpt.com), live; `account` is undefined before any capture. */
export function useCurrentAccount(): Loadable<{ account: AccountRecord | undefined }> {
  // Wrapped in an object so "no account yet" (undefined) is told apart from "still loading".
  const result = useLiveQuery(async () => ({ account: await getCurrentAccount(db) }), []);
  return result === undefined ? { loading: true } : { loading: false, ...result };
}

/** The current account's newest conversations (at most `limit`) and how many it has in all, live. */
export function useConversationList(
  accountId: string | undefined,
  limit: number,
): Loadable<{ conversations: ConversationRecord[]; total: number }> {
  const result = useLiveQuery(async () => {
    if (accountId === undefined) return { conversations: [], total: 0 };
    const [conversations, total] = await Promise.all([
      listConversations(db, accountId, limit),
      countConversations(db, accountId),
    ]);
    return { conversations, total };
  }, [accountId, limit]);
  return result === undefined ? { loading: true } : { loading: false, ...result };
}

/** One conversation of the given account, live; `conversation` is undefined when it is not in that account. */
export function useConversation(
  accountId: string | undefined,
  id: string,
): Loadable<{ conversation: ConversationRecord | undefined }> {
  const result = useLiveQuery(async () => {
    const conversation = await db.conversations.get(id);
    // Never show one account's chat under another.
    return { conversation: conversation?.accountId === accountId ? conversation : undefined };
  }, [accountId, id]);
  return result === undefined ? { loading: true } : { loading: false, ...result };
}
