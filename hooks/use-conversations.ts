import { useLiveQuery } from 'dexie-react-hooks';
import type { AccountRecord, ConversationRecord } from '@/utils/conversations/model';
import { countConversations, getConversation, getCurrentAccount, listConversations } from '@/utils/conversations/store';
import { db } from '@/utils/db/db';

/** Live data of one view: `{ loading: true }` until the database first answers, then the data. */
export type Loadable<T> = { loading: true } | ({ loading: false } & T);

/** Turns a live query's result (`undefined` while the database has not answered) into a Loadable. */
export function toLoadable<T extends object>(result: T | undefined): Loadable<T> {
  return result === undefined ? { loading: true } : { loading: false, ...result };
}

/** The signed-in account (most recently seen on chatgpt.com), live; `account` is undefined before any capture. */
export function useCurrentAccount(): Loadable<{ account: AccountRecord | undefined }> {
  // Wrapped in an object so "no account yet" (undefined) is told apart from "still loading".
  return toLoadable(useLiveQuery(async () => ({ account: await getCurrentAccount(db) }), []));
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
  return toLoadable(result);
}

/** How many conversations the account has in the archive, live; 0 with no account. */
export function useConversationCount(accountId: string | undefined): Loadable<{ total: number }> {
  const result = useLiveQuery(
    async () => ({ total: accountId === undefined ? 0 : await countConversations(db, accountId) }),
    [accountId],
  );
  return toLoadable(result);
}

/** One conversation of the given account, live; `conversation` is undefined when it is not in that account. */
export function useConversation(
  accountId: string | undefined,
  id: string,
): Loadable<{ conversation: ConversationRecord | undefined }> {
  const result = useLiveQuery(
    async () => ({ conversation: accountId === undefined ? undefined : await getConversation(db, accountId, id) }),
    [accountId, id],
  );
  return toLoadable(result);
}
