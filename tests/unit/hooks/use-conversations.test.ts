import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type Loadable,
  useConversation,
  useConversationCount,
  useConversationList,
  useViewedAccount,
  type ViewedAccount,
} from '@/hooks/use-conversations';
import type { Account } from '@/utils/conversations/model';
import { saveConversation } from '@/utils/conversations/store';
import { loadViewedAccountId, saveViewedAccountId } from '@/utils/conversations/viewed-account';
import { db } from '@/utils/db/db';
import { buildAccount, buildCapture, buildRawConversation, FIXED_NOW } from '../../factories';
import { eventually, hookRenderer, installLinkedomDom } from '../../react-dom';

// The hooks run for real: React renders them into a DOM (linkedom), over the app's own `db` on fake-indexeddb
// and WXT's fakeBrowser storage, so live queries and the storage watch answer as they do in the popup.

const me = buildAccount({ id: 'user-me', label: 'Me' });
const team = buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' });

installLinkedomDom();
const renderHook = hookRenderer();

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** Archives conversation `id` for `account`, captured `later` ms after FIXED_NOW (the account's lastSeenAt). */
async function capture(id: string, account: Account, later = 0, overrides: Record<string, unknown> = {}) {
  const raw = buildRawConversation(id, undefined, overrides);
  await act(async () => {
    await saveConversation(db, buildCapture(raw, { account }), { capturedAt: FIXED_NOW + later, source: 'page' });
  });
}

function loaded<T extends object>(value: Loadable<T>): T {
  if (value.loading) throw new Error('still loading');
  return value;
}

function accountOf(value: Loadable<ViewedAccount>): string | undefined {
  return loaded(value).account?.id;
}

describe('useViewedAccount', () => {
  it('should load, then show the most recently seen account and pin it', async () => {
    await capture('a', me, 0);
    await capture('b', team, 10);
    const view = renderHook(useViewedAccount);
    expect(view.all[0]).toEqual({ loading: true });
    await eventually(() => expect(accountOf(view.current)).toBe('workspace-team'));
    expect(loaded(view.current).accounts.map((a) => a.id)).toEqual(['workspace-team', 'user-me']);
    await eventually(async () => expect(await loadViewedAccountId()).toBe('workspace-team'));
  });

  it('should not flip to another account when a later capture comes from it', async () => {
    await capture('a', me, 0);
    const view = renderHook(useViewedAccount);
    await eventually(() => expect(accountOf(view.current)).toBe('user-me'));

    // Another tab, signed in to the workspace, captures a chat: the workspace is now the most recently seen.
    await capture('b', team, 60_000);
    await eventually(() =>
      expect(loaded(view.current).accounts.map((a) => a.id)).toEqual(['workspace-team', 'user-me']),
    );
    expect(accountOf(view.current)).toBe('user-me');

    // A page opened afterwards shows the same account.
    const later = renderHook(useViewedAccount);
    await eventually(() => expect(accountOf(later.current)).toBe('user-me'));
  });

  it('should switch on select and tell every other page', async () => {
    await capture('a', me, 0);
    await capture('b', team, 10);
    const popup = renderHook(useViewedAccount);
    const archive = renderHook(useViewedAccount);
    await eventually(() => expect(accountOf(popup.current)).toBe('workspace-team'));
    await eventually(() => expect(accountOf(archive.current)).toBe('workspace-team'));

    act(() => loaded(popup.current).select('user-me'));
    expect(accountOf(popup.current)).toBe('user-me');
    await eventually(() => expect(accountOf(archive.current)).toBe('user-me'));
    expect(await loadViewedAccountId()).toBe('user-me');
    // A capture from the workspace afterwards changes nothing.
    await capture('c', team, 20);
    await eventually(() => expect(loaded(popup.current).accounts[0]?.lastSeenAt).toBe(FIXED_NOW + 20));
    expect(accountOf(popup.current)).toBe('user-me');
  });

  it('should show the account chosen earlier, even when another was seen since', async () => {
    await saveViewedAccountId('user-me');
    await capture('a', me, 0);
    await capture('b', team, 10);
    const view = renderHook(useViewedAccount);
    await eventually(() => expect(accountOf(view.current)).toBe('user-me'));
  });

  it('should have no account, and not be loading, before any capture', async () => {
    const view = renderHook(useViewedAccount);
    await eventually(() => expect(loaded(view.current)).toMatchObject({ account: undefined, accounts: [] }));
    expect(await loadViewedAccountId()).toBeNull();
  });
});

describe('useConversationList', () => {
  it("should list the account's conversations newest first with the total, live", async () => {
    await capture('old', me, 0, { update_time: 100 });
    await capture('new', me, 0, { update_time: 300 });
    await capture('mid', me, 0, { update_time: 200 });
    await capture('team-chat', team, 0, { update_time: 400 });
    const list = renderHook(() => useConversationList('user-me', 2));
    expect(list.all[0]).toEqual({ loading: true });
    await eventually(() => expect(loaded(list.current).conversations.map((c) => c.id)).toEqual(['new', 'mid']));
    expect(loaded(list.current).total).toBe(3);

    await capture('newest', me, 1, { update_time: 500 });
    await eventually(() => expect(loaded(list.current).conversations.map((c) => c.id)).toEqual(['newest', 'new']));
    expect(loaded(list.current).total).toBe(4);
  });

  it('should be empty with no account', async () => {
    await capture('a', me);
    const list = renderHook(() => useConversationList(undefined, 10));
    await eventually(() => expect(list.current).toEqual({ loading: false, conversations: [], total: 0 }));
  });
});

describe('useConversationCount', () => {
  it("should count the account's conversations, live", async () => {
    await capture('a', me);
    await capture('b', team);
    const count = renderHook(() => useConversationCount('user-me'));
    await eventually(() => expect(loaded(count.current).total).toBe(1));
    await capture('c', me, 1);
    await eventually(() => expect(loaded(count.current).total).toBe(2));
  });
});

describe('useConversation', () => {
  it("should give the viewed account's own chat", async () => {
    await capture('mine', me);
    const view = renderHook(() => useConversation('user-me', 'mine'));
    await eventually(() => expect(loaded(view.current).conversation?.id).toBe('mine'));
    expect(loaded(view.current).elsewhere).toBeUndefined();
  });

  it("should never show another account's chat, only which account holds it", async () => {
    await capture('team-chat', team, 5);
    const view = renderHook(() => useConversation('user-me', 'team-chat'));
    await eventually(() => expect(loaded(view.current).elsewhere?.id).toBe('workspace-team'));
    expect(view.current).toEqual({
      loading: false,
      conversation: undefined,
      elsewhere: { ...team, lastSeenAt: FIXED_NOW + 5 },
    });
  });

  it('should give neither for a chat not in the archive, and the chat once it is captured', async () => {
    const view = renderHook(() => useConversation('user-me', 'later'));
    await eventually(() =>
      expect(view.current).toEqual({ loading: false, conversation: undefined, elsewhere: undefined }),
    );
    await capture('later', me);
    await eventually(() => expect(loaded(view.current).conversation?.id).toBe('later'));
  });
});
