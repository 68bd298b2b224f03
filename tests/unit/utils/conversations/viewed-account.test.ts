import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountRecord } from '@/utils/conversations/model';
import {
  chooseViewedAccount,
  loadViewedAccountId,
  saveViewedAccountId,
  watchViewedAccountId,
} from '@/utils/conversations/viewed-account';
import { buildAccount, FIXED_NOW } from '../../../factories';

beforeEach(() => {
  fakeBrowser.reset();
});

// Most recently seen first, as listAccounts returns them.
const accounts: AccountRecord[] = [
  { ...buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' }), lastSeenAt: FIXED_NOW },
  { ...buildAccount({ id: 'user-me', label: 'Me' }), lastSeenAt: FIXED_NOW - 1000 },
];

describe('chooseViewedAccount', () => {
  it.each([
    ['the chosen account', 'user-me', 'user-me'],
    ['the most recently seen account before any choice', null, 'workspace-team'],
    ['the most recently seen account when the chosen one is no longer archived', 'user-gone', 'workspace-team'],
  ])('should show %s', (_label, chosen, shown) => {
    expect(chooseViewedAccount(accounts, chosen)?.id).toBe(shown);
  });

  it('should show no account before any capture', () => {
    expect(chooseViewedAccount([], 'user-me')).toBeUndefined();
    expect(chooseViewedAccount([], null)).toBeUndefined();
  });
});

describe('the viewed account in local storage', () => {
  it('should be null before any choice, and remembered once chosen', async () => {
    expect(await loadViewedAccountId()).toBeNull();
    await saveViewedAccountId('user-me');
    expect(await loadViewedAccountId()).toBe('user-me');
    expect(await fakeBrowser.storage.local.get('viewedAccountId')).toEqual({ viewedAccountId: 'user-me' });
  });

  it('should tell watchers when another page switches account, until unwatched', async () => {
    const seen: (string | null)[] = [];
    const unwatch = watchViewedAccountId((id) => seen.push(id));
    await saveViewedAccountId('workspace-team');
    await fakeBrowser.storage.local.remove('viewedAccountId');
    unwatch();
    await saveViewedAccountId('user-me');
    expect(seen).toEqual(['workspace-team', null]);
  });
});
