import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { AccountRecord, ConversationRecord } from '@/utils/conversations/model';
import { countConversations, getConversation, listAccounts, listConversations } from '@/utils/conversations/store';
import {
  chooseViewedAccount,
  loadViewedAccountId,
  saveViewedAccountId,
  watchViewedAccountId,
} from '@/utils/conversations/viewed-account';
import { db } from '@/utils/db/db';

/** Live data of one view: `{ loading: true }` until the database first answers, then the data. */
export type Loadable<T> = { loading: true } | ({ loading: false } & T);

/** Turns a live query's result (`undefined` while the database has not answered) into a Loadable. */
export function toLoadable<T extends object>(result: T | undefined): Loadable<T> {
  return result === undefined ? { loading: true } : { loading: false, ...result };
}

/** The account a view shows, every account seen, and a way to switch; `account` is undefined before any capture. */
export interface ViewedAccount {
  account: AccountRecord | undefined;
  /** Most recently seen first. */
  accounts: AccountRecord[];
  /** Shows another account here and in every other Lifeboat page. */
  select: (id: string) => void;
}

/**
 * The account the popup and the archive show: the user's choice, shared by every Lifeboat page. Before any
 * choice the first account shown is pinned, so a capture from another account's tab never flips the view.
 */
export function useViewedAccount(): Loadable<ViewedAccount> {
  const accounts = useLiveQuery(() => listAccounts(db), []);
  // undefined while loading; null when nothing is chosen yet.
  const [chosenId, setChosenId] = useState<string | null>();
  useEffect(() => {
    let active = true;
    const stop = watchViewedAccountId((id) => setChosenId(id));
    loadViewedAccountId().then(
      (id) => active && setChosenId((current) => current ?? id),
      // Unreadable storage: show the most recent account rather than nothing.
      () => active && setChosenId((current) => current ?? null),
    );
    return () => {
      active = false;
      stop();
    };
  }, []);
  const account =
    accounts === undefined || chosenId === undefined ? undefined : chooseViewedAccount(accounts, chosenId);
  const pin = account !== undefined && chosenId !== account.id ? account.id : undefined;
  useEffect(() => {
    // Failing to pin only means a later capture may still change the view; nothing to tell the user.
    if (pin === undefined) return;
    // Pinned here too, not only in storage: a capture landing before storage answers must not move the view.
    setChosenId(pin);
    saveViewedAccountId(pin).catch(() => {});
  }, [pin]);
  const select = useCallback((id: string) => {
    setChosenId(id);
    saveViewedAccountId(id).catch(() => {});
  }, []);
  if (accounts === undefined || chosenId === undefined) return { loading: true };
  return { loading: false, account, accounts, select };
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

/** A conversation as a view of one account sees it. */
export interface ViewedConversation {
  /** The chat, when it belongs to the viewed account. */
  conversation: ConversationRecord | undefined;
  /** The account it belongs to, when that is another one (the view offers to switch). */
  elsewhere: AccountRecord | undefined;
}

/** One conversation as the view of `accountId` sees it, live: never another account's chat under this one. */
export function useConversation(accountId: string | undefined, id: string): Loadable<ViewedConversation> {
  const result = useLiveQuery(async (): Promise<ViewedConversation> => {
    const record = await getConversation(db, id);
    if (record === undefined) return { conversation: undefined, elsewhere: undefined };
    if (record.accountId === accountId) return { conversation: record, elsewhere: undefined };
    return { conversation: undefined, elsewhere: await db.accounts.get(record.accountId) };
  }, [accountId, id]);
  return toLoadable(result);
}
