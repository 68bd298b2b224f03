import { storage } from '#imports';
import type { AccountRecord } from './model';

// Which account the popup and the archive show. It is the user's choice, kept in local storage, and not "the
// account seen last": with two tabs signed in to two accounts, the last capture would flip the view back and
// forth. Until the user chooses, the first account shown is pinned the same way.

const viewedAccountItem = storage.defineItem<string | null>('local:viewedAccountId', { fallback: null });

/** The account id the user chose to view, or null before any choice. */
export function loadViewedAccountId(): Promise<string | null> {
  return viewedAccountItem.getValue();
}

/** Remembers the account to view in every Lifeboat page. */
export function saveViewedAccountId(id: string): Promise<void> {
  return viewedAccountItem.setValue(id);
}

/** Calls `onChange` when another page switches account; returns an unwatch function. */
export function watchViewedAccountId(onChange: (id: string | null) => void): () => void {
  return viewedAccountItem.watch((id) => onChange(id ?? null));
}

/**
 * The account a view shows: the chosen one while it exists, else the one most recently seen signed in.
 * `accounts` must be sorted most recently seen first.
 */
export function chooseViewedAccount(
  accounts: readonly AccountRecord[],
  chosenId: string | null,
): AccountRecord | undefined {
  return accounts.find((account) => account.id === chosenId) ?? accounts[0];
}
