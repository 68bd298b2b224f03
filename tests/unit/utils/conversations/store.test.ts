import { describe, expect, it, vi } from 'vitest';
import {
  type CapturedConversation,
  type ConversationRecord,
  MAX_CONVERSATION_BYTES,
} from '@/utils/conversations/model';
import {
  type CaptureContext,
  countConversations,
  getConversation,
  getConversationBody,
  InvalidConversationError,
  listAccounts,
  listConversations,
  saveConversation,
  saveConversations,
} from '@/utils/conversations/store';
import { LifeboatError } from '@/utils/shared/lifeboat-error';
import { buildAccount, buildCapture, buildRawConversation, FIXED_NOW, freshArchiveDbPerTest } from '../../../factories';

const archive = freshArchiveDbPerTest('store');

/** A capture from a chatgpt.com tab arriving `later` ms after FIXED_NOW. */
function at(later = 0): CaptureContext {
  return { capturedAt: FIXED_NOW + later, source: 'page' };
}

/** Conversation `id` with the given top-level fields replaced. */
function captureOf(id: string, overrides: Record<string, unknown> = {}, capture: Partial<CapturedConversation> = {}) {
  return buildCapture(buildRawConversation(id, undefined, overrides), capture);
}

/** A v1 row as the v2 upgrade leaves it: account guessed, body re-serialised, no hash. */
async function seedV1Row(id: string, accountId: string, raw: Record<string, unknown>): Promise<void> {
  const text = JSON.stringify(raw);
  const saved = await saveConversation(
    archive(),
    buildCapture(raw, { account: buildAccount({ id: accountId }) }),
    at(),
  );
  await archive().conversations.put({ ...saved.record, id, accountBasis: 'v1', contentHash: null });
  await archive().conversationBodies.put({ id, text, exact: false });
}

describe('saveConversation', () => {
  it('should create a row and its body, and say so', async () => {
    const capture = captureOf('c1');
    const { record, outcome } = await saveConversation(archive(), capture, { capturedAt: FIXED_NOW, source: 'sync' });
    expect(outcome).toBe('created');
    expect(record).toMatchObject({
      id: 'c1',
      accountId: 'user-test-1',
      accountBasis: 'request',
      title: 'Keeping chats',
      capturedAt: FIXED_NOW,
      checkedAt: FIXED_NOW,
      capturedBy: 'sync',
      updatedAtKnown: true,
      bodyBytes: new TextEncoder().encode(capture.body).byteLength,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await archive().conversations.get('c1')).toEqual(record);
    expect(await getConversationBody(archive(), 'c1')).toEqual({ id: 'c1', text: capture.body, exact: true });
    expect(await archive().accounts.get('user-test-1')).toEqual({ ...buildAccount(), lastSeenAt: FIXED_NOW });
  });

  it('should count the body in UTF-8 bytes, not UTF-16 code units', async () => {
    const capture = captureOf('c1', { title: '대화를 지켜요 🛟' });
    const { record } = await saveConversation(archive(), capture, at());
    expect(record.bodyBytes).toBe(new TextEncoder().encode(capture.body).byteLength);
    expect(record.bodyBytes).toBeGreaterThan(capture.body.length);
  });

  it('should keep the body byte for byte: key order, integers above 2^53, spacing', async () => {
    // JSON.parse + JSON.stringify would move "10" before "b" and round the big integer to 12345678901234567000.
    const body = [
      '{"b": 1, "10": "ten", "big": 12345678901234567890, "title": "Exact",',
      ' "mapping": {"root": {"id": "root", "children": []}},',
      ' "conversation_id": "exact-1", "update_time": 1700000000.5}',
    ].join('\n');
    expect(JSON.stringify(JSON.parse(body))).not.toBe(body);
    await saveConversation(archive(), buildCapture(body), at());
    const stored = await getConversationBody(archive(), 'exact-1');
    expect(stored?.text).toBe(body);
    expect(stored?.exact).toBe(true);
  });

  it('should store a conversation whose JSON has no id, under the id from the URL', async () => {
    const { id: _id, conversation_id: _cid, ...raw } = buildRawConversation('no-id');
    await saveConversation(archive(), buildCapture(raw, { conversationId: 'no-id' }), at());
    expect(await getConversation(archive(), 'no-id')).toBeDefined();
  });

  it('should replace a copy ChatGPT updated earlier with the newer one', async () => {
    await saveConversation(archive(), captureOf('c1', { title: 'Old', update_time: 100 }), at());
    const newer = captureOf('c1', { title: 'New', update_time: 200 });
    const { record, outcome } = await saveConversation(archive(), newer, at(5));
    expect(outcome).toBe('updated');
    expect(record).toMatchObject({ title: 'New', capturedAt: FIXED_NOW + 5 });
    expect(await archive().conversations.count()).toBe(1);
    expect((await getConversation(archive(), 'c1'))?.title).toBe('New');
    expect((await getConversationBody(archive(), 'c1'))?.text).toBe(newer.body);
  });

  it('should keep a copy ChatGPT updated later than the one arriving now, only marking it checked', async () => {
    const first = await saveConversation(archive(), captureOf('c1', { title: 'Newer', update_time: 200 }), at());
    const newerBody = (await getConversationBody(archive(), 'c1'))?.text;
    const late = await saveConversation(archive(), captureOf('c1', { title: 'Older', update_time: 100 }), at(9));
    expect(late.outcome).toBe('kept-newer');
    const expected = { ...first.record, checkedAt: FIXED_NOW + 9 };
    expect(late.record).toEqual(expected);
    expect(await getConversation(archive(), 'c1')).toEqual(expected);
    expect((await getConversationBody(archive(), 'c1'))?.text).toBe(newerBody);
  });

  it('should only mark an identical recapture as checked', async () => {
    const first = await saveConversation(archive(), captureOf('c1'), at());
    const again = await saveConversation(archive(), captureOf('c1'), at(30));
    expect(again.outcome).toBe('unchanged');
    expect(again.record).toEqual({ ...first.record, checkedAt: FIXED_NOW + 30 });
    expect(await getConversation(archive(), 'c1')).toEqual({ ...first.record, checkedAt: FIXED_NOW + 30 });
  });

  it('should tell a real change from a recapture by content when the update time is the same', async () => {
    await saveConversation(archive(), captureOf('c1', { title: 'Before', update_time: 100 }), at());
    const renamed = captureOf('c1', { title: 'After', update_time: 100 });
    expect((await saveConversation(archive(), renamed, at(1))).outcome).toBe('updated');
    expect((await getConversationBody(archive(), 'c1'))?.text).toBe(renamed.body);
  });

  it.each([
    ['missing on the stored copy', { update_time: null }, { update_time: 100 }],
    ['missing on the arriving copy', { update_time: 200 }, { update_time: null }],
    ['unreadable on the stored copy', { update_time: 'not a time' }, { update_time: 100 }],
    ['unreadable on the arriving copy', { update_time: 300 }, { update_time: 'not a time' }],
    ['missing on both', { update_time: null }, { update_time: null }],
  ])('should compare content when the update time is %s', async (_label, stored, arriving) => {
    await saveConversation(archive(), captureOf('c1', { title: 'Stored', ...stored }), at());
    // Same content again: a recapture, whatever the update times say.
    const same = await saveConversation(archive(), captureOf('c1', { title: 'Stored', ...stored }), at(1));
    expect(same.outcome).toBe('unchanged');
    // Different content: a change, even if the arriving update time is missing or older-looking.
    const changed = captureOf('c1', { title: 'Arriving', ...arriving });
    const { outcome, record } = await saveConversation(archive(), changed, at(2));
    expect(outcome).toBe('updated');
    expect(record.title).toBe('Arriving');
    expect((await getConversationBody(archive(), 'c1'))?.text).toBe(changed.body);
  });

  it('should record the arriving copy as unknown-time when its update_time is unreadable', async () => {
    const { record } = await saveConversation(archive(), captureOf('c1', { update_time: 'soon' }), at());
    expect(record).toMatchObject({ updatedAtKnown: false, updatedAt: record.createdAt });
  });

  it('should refuse a copy of a verified chat from another account and keep the stored one', async () => {
    const first = await saveConversation(archive(), captureOf('c1'), at());
    const other = captureOf('c1', { title: 'Hijack' }, { account: buildAccount({ id: 'user-other' }) });
    const error = await saveConversation(archive(), other, at(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifeboatError);
    expect(error).toMatchObject({ code: 'refused', message: expect.stringContaining('another ChatGPT account') });
    expect(await getConversation(archive(), 'c1')).toEqual(first.record);
    expect(await archive().accounts.toCollection().primaryKeys()).toEqual(['user-test-1']);
  });

  it('should move a chat v1 filed under another account to the account of a verified capture', async () => {
    const raw = buildRawConversation('c1');
    await seedV1Row('c1', 'user-guessed', raw);
    const right = buildAccount({ id: 'workspace-right', label: 'Right', kind: 'workspace' });
    const capture = buildCapture(raw, { account: right });
    const { outcome, record } = await saveConversation(archive(), capture, at(60));
    expect(outcome).toBe('moved');
    expect(record).toMatchObject({
      accountId: 'workspace-right',
      accountBasis: 'request',
      capturedAt: FIXED_NOW + 60,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await getConversation(archive(), 'c1')).toEqual(record);
    expect(await getConversationBody(archive(), 'c1')).toEqual({ id: 'c1', text: capture.body, exact: true });
    expect(await listConversations(archive(), 'user-guessed')).toEqual([]);
  });

  it('should move a newer v1 row to the right account without replacing it with an older copy', async () => {
    const newer = buildRawConversation('c1', undefined, { title: 'Newer', update_time: FIXED_NOW / 1000 });
    await seedV1Row('c1', 'user-guessed', newer);
    const older = buildRawConversation('c1', undefined, { title: 'Older', update_time: FIXED_NOW / 1000 - 600 });
    const right = buildAccount({ id: 'workspace-right', kind: 'workspace' });
    const { outcome, record } = await saveConversation(archive(), buildCapture(older, { account: right }), at(60));
    expect(outcome).toBe('moved');
    expect(record).toMatchObject({ accountId: 'workspace-right', accountBasis: 'request', title: 'Newer' });
    expect(await getConversation(archive(), 'c1')).toEqual(record);
    expect((await getConversationBody(archive(), 'c1'))?.text).toBe(JSON.stringify(newer));
  });

  it('should trust a verified recapture of a v1 row under the same account, replacing its inexact body', async () => {
    const raw = buildRawConversation('c1');
    await seedV1Row('c1', 'user-test-1', raw);
    const { outcome, record } = await saveConversation(archive(), buildCapture(raw), at(1));
    expect(outcome).toBe('updated');
    expect(record.accountBasis).toBe('request');
    expect((await getConversationBody(archive(), 'c1'))?.exact).toBe(true);
  });

  it('should refuse a body over the size cap in MB, writing nothing and keeping the stored copy', async () => {
    const first = await saveConversation(archive(), captureOf('c1'), at());
    // Three UTF-8 bytes per character: over the cap in bytes while far shorter in characters.
    const huge = `{"mapping": {}, "pad": "${'한'.repeat(MAX_CONVERSATION_BYTES / 3 + 1024 * 1024)}"}`;
    const capture = buildCapture(captureOf('c1').body, { body: huge, account: buildAccount({ id: 'user-new' }) });
    const error = await saveConversation(archive(), capture, at(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConversationError);
    expect((error as Error).message).toMatch(
      /^Conversation c1 was not saved: it is 35\.0 MB \(\d+ bytes\), more than the 32\.0 MB \(33554432 bytes\) Lifeboat keeps for one chat\.$/,
    );
    expect(await getConversation(archive(), 'c1')).toEqual(first.record);
    expect((await getConversationBody(archive(), 'c1'))?.text).toBe(captureOf('c1').body);
    expect(await archive().accounts.get('user-new')).toBeUndefined();
  });

  it('should say the disk is full, and change nothing, when the browser refuses more storage', async () => {
    const first = await saveConversation(archive(), captureOf('c1'), at());
    const newer = captureOf(
      'c1',
      { title: 'Newer', update_time: FIXED_NOW / 1000 },
      {
        account: buildAccount({ id: 'user-test-1', label: 'Renamed' }),
      },
    );
    const put = vi
      .spyOn(archive().conversationBodies, 'put')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    try {
      await expect(saveConversation(archive(), newer, at(1))).rejects.toMatchObject({
        code: 'failed',
        message: expect.stringMatching(/^Conversation c1 was not saved: the disk is full/),
      });
    } finally {
      put.mockRestore();
    }
    // The row written before the body in the same transaction was rolled back with it.
    expect(await getConversation(archive(), 'c1')).toEqual(first.record);
    expect((await archive().accounts.get('user-test-1'))?.label).toBe('Test User');
  });

  it('should never store a temporary chat', async () => {
    const capture = captureOf('temp', { is_temporary_chat: true });
    await expect(saveConversation(archive(), capture, at())).rejects.toMatchObject({
      message: 'Conversation temp was not saved: it is a temporary chat, which Lifeboat never stores.',
    });
    expect(await archive().conversations.count()).toBe(0);
    const results = await saveConversations(archive(), [capture, captureOf('kept')], at());
    expect(results.map((result) => ('error' in result ? 'set aside' : result.outcome))).toEqual([
      'set aside',
      'created',
    ]);
  });

  it('should refuse a body that is not JSON, saying so', async () => {
    const capture = buildCapture(captureOf('c1').body, { body: '<html>502 Bad Gateway</html>' });
    await expect(saveConversation(archive(), capture, at())).rejects.toThrow(
      expect.objectContaining({
        name: 'InvalidConversationError',
        code: 'invalid-data',
        message: expect.stringMatching(/^Conversation c1 was not saved: the answer is not valid JSON \(/),
      }),
    );
  });

  it.each([
    ['JSON without mapping', { title: 'x', conversation_id: 'c1' }, '`mapping` is missing'],
    ['a mapping that is not an object', { mapping: 'nope', conversation_id: 'c1' }, '`mapping` is not an object'],
    ['a string', 'just text', 'expected object'],
    ['null', null, 'expected object'],
    ['a node whose children are not a list', { mapping: { a: { children: 'b' } } }, 'mapping.a.children'],
  ])('should refuse %s with the reason and store nothing', async (_label, json, reason) => {
    const capture = buildCapture(captureOf('c1').body, { body: JSON.stringify(json) });
    await expect(saveConversation(archive(), capture, at())).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidConversationError', message: expect.stringContaining(reason) }),
    );
    expect(await archive().conversations.count()).toBe(0);
    expect(await archive().conversationBodies.count()).toBe(0);
    expect(await archive().accounts.count()).toBe(0);
  });

  it('should refuse JSON that belongs to another conversation than the URL says', async () => {
    const capture = captureOf('c1', {}, { conversationId: 'c2' });
    await expect(saveConversation(archive(), capture, at())).rejects.toThrow(
      'Conversation c2 was not saved: the server sent conversation c1 instead.',
    );
    expect(await archive().conversations.count()).toBe(0);
  });

  it('should leave what was stored before untouched when a later capture is bad', async () => {
    const first = await saveConversation(archive(), captureOf('c1'), at());
    const bad = buildCapture(captureOf('c1').body, { body: '{"nope": true}' });
    await expect(saveConversation(archive(), bad, at(1))).rejects.toThrow(InvalidConversationError);
    expect(await getConversation(archive(), 'c1')).toEqual(first.record);
    expect((await getConversationBody(archive(), 'c1'))?.text).toBe(captureOf('c1').body);
  });
});

describe('listConversations', () => {
  async function seedTwoAccounts(): Promise<void> {
    for (const [id, update] of [
      ['old', 100],
      ['new', 300],
      ['mid', 200],
    ] as const) {
      await saveConversation(archive(), captureOf(id, { update_time: update }), at());
    }
    const team = buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' });
    await saveConversation(archive(), captureOf('team-chat', {}, { account: team }), at(5));
  }

  it('should list one account newest first and never mix in another account', async () => {
    await seedTwoAccounts();
    expect((await listConversations(archive(), 'user-test-1')).map((c) => c.id)).toEqual(['new', 'mid', 'old']);
    expect((await listConversations(archive(), 'user-test-1', 2)).map((c) => c.id)).toEqual(['new', 'mid']);
    expect(await countConversations(archive(), 'user-test-1')).toBe(3);
    expect((await listConversations(archive(), 'workspace-team')).map((c) => c.id)).toEqual(['team-chat']);
    expect(await countConversations(archive(), 'nobody')).toBe(0);
  });

  it('should list small rows that carry no body', async () => {
    await seedTwoAccounts();
    const [row] = await listConversations(archive(), 'user-test-1', 1);
    const keys = Object.keys(row ?? {});
    expect(keys).toContain('title');
    expect(keys).not.toContain('raw');
    expect(keys).not.toContain('text');
    expect(keys).not.toContain('body');
    const expectedKeys: (keyof ConversationRecord)[] = [
      'accountBasis',
      'accountId',
      'bodyBytes',
      'branchCount',
      'capturedAt',
      'capturedBy',
      'checkedAt',
      'contentHash',
      'createdAt',
      'gizmoId',
      'id',
      'isArchived',
      'messageCount',
      'model',
      'title',
      'updatedAt',
      'updatedAtKnown',
    ];
    expect(keys.sort()).toEqual(expectedKeys);
  });
});

describe('listAccounts', () => {
  it('should list every account most recently seen first', async () => {
    const team = buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' });
    await saveConversation(archive(), captureOf('a'), at(0));
    await saveConversation(archive(), captureOf('b', {}, { account: team }), at(10));
    await saveConversation(archive(), captureOf('c', {}, { account: buildAccount({ id: 'user-3' }) }), at(5));
    expect((await listAccounts(archive())).map((a) => [a.id, a.lastSeenAt])).toEqual([
      ['workspace-team', FIXED_NOW + 10],
      ['user-3', FIXED_NOW + 5],
      ['user-test-1', FIXED_NOW],
    ]);
    // Seen again: first once more.
    await saveConversation(archive(), captureOf('a'), at(20));
    expect((await listAccounts(archive()))[0]?.id).toBe('user-test-1');
  });
});

describe('getConversation', () => {
  it("should return any account's row, leaving the view to check the account", async () => {
    const team = buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' });
    await saveConversation(archive(), captureOf('team-chat', {}, { account: team }), at());
    expect(await getConversation(archive(), 'team-chat')).toMatchObject({ accountId: 'workspace-team' });
    expect(await getConversation(archive(), 'missing')).toBeUndefined();
    expect(await getConversationBody(archive(), 'missing')).toBeUndefined();
  });
});

describe('saveConversations (a page of a back-up, in one transaction)', () => {
  it('should decide each chat as saveConversation would, setting aside only the bad ones, in one transaction', async () => {
    await saveConversation(
      archive(),
      captureOf('verified-elsewhere', {}, { account: buildAccount({ id: 'user-other' }) }),
      at(),
    );
    await saveConversation(archive(), captureOf('same'), at());
    const transaction = vi.spyOn(archive(), 'transaction');
    const older = captureOf('dup', { title: 'Older', update_time: FIXED_NOW / 1000 - 60 });
    const newer = captureOf('dup', { title: 'Newer', update_time: FIXED_NOW / 1000 });
    const results = await saveConversations(
      archive(),
      [
        captureOf('fresh'),
        buildCapture(captureOf('broken').body, { conversationId: 'broken', body: '{"mapping": {' }),
        captureOf('verified-elsewhere'),
        captureOf('same'),
        newer,
        older,
      ],
      at(5),
    );
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(
      results.map((result) =>
        'error' in result ? `${result.id}: ${result.error.code}` : `${result.id}: ${result.outcome}`,
      ),
    ).toEqual([
      'fresh: created',
      'broken: invalid-data',
      'verified-elsewhere: refused',
      'same: unchanged',
      'dup: created',
      'dup: kept-newer',
    ]);
    expect((await getConversation(archive(), 'dup'))?.title).toBe('Newer');
    expect((await getConversationBody(archive(), 'dup'))?.text).toBe(newer.body);
    expect((await getConversation(archive(), 'verified-elsewhere'))?.accountId).toBe('user-other');
    expect(await getConversation(archive(), 'broken')).toBeUndefined();
    expect(await archive().conversationBodies.count()).toBe(4);
  });

  it('should write nothing of the batch when the disk is full, and say so', async () => {
    const put = vi
      .spyOn(archive().conversationBodies, 'bulkPut')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    try {
      await expect(saveConversations(archive(), [captureOf('a'), captureOf('b')], at())).rejects.toMatchObject({
        message: expect.stringMatching(/^2 conversations were not saved: the disk is full/),
      });
    } finally {
      put.mockRestore();
    }
    expect(await archive().conversations.count()).toBe(0);
    expect(await archive().accounts.count()).toBe(0);
  });
});
