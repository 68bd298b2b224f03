import { describe, expect, it } from 'vitest';
import {
  countConversations,
  getConversation,
  getCurrentAccount,
  InvalidConversationError,
  listConversations,
  saveConversation,
} from '@/utils/conversations/store';
import { buildAccount, buildCapture, buildRawConversation, FIXED_NOW, freshArchiveDbPerTest } from '../../../factories';

const archive = freshArchiveDbPerTest('store');

describe('saveConversation', () => {
  it('should keep the raw JSON exactly as received, unknown fields included', async () => {
    const raw = buildRawConversation('c1', undefined, {
      sugar_item_id: null,
      brand_new_field: { nested: [1, 'two', null] },
    });
    const node = (raw.mapping as Record<string, { message: { content: unknown } }>)['c1-node-2'];
    if (node) node.message.content = { content_type: 'future_widget', payload: { x: 1 } };
    await saveConversation(archive(), buildCapture(raw), FIXED_NOW);
    const stored = await archive().conversations.get('c1');
    expect(stored?.raw).toEqual(raw);
    expect(stored).toMatchObject({ id: 'c1', accountId: 'user-test-1', capturedAt: FIXED_NOW, title: 'Keeping chats' });
  });

  it('should store a conversation whose JSON has no id, under the id from the URL', async () => {
    const { id: _id, conversation_id: _cid, ...raw } = buildRawConversation('no-id');
    await saveConversation(archive(), buildCapture(raw, { conversationId: 'no-id' }), FIXED_NOW);
    expect(await archive().conversations.get('no-id')).toBeDefined();
  });

  it('should replace an older copy of the same conversation', async () => {
    await saveConversation(archive(), buildCapture(buildRawConversation('c1', undefined, { title: 'Old' })), FIXED_NOW);
    await saveConversation(
      archive(),
      buildCapture(buildRawConversation('c1', undefined, { title: 'New' })),
      FIXED_NOW + 1,
    );
    expect(await archive().conversations.count()).toBe(1);
    expect((await archive().conversations.get('c1'))?.title).toBe('New');
  });

  it.each([
    ['JSON without mapping', { title: 'x', conversation_id: 'c1' }, '`mapping` is missing'],
    ['a mapping that is not an object', { mapping: 'nope', conversation_id: 'c1' }, '`mapping` is not an object'],
    ['a string', '<html>502 Bad Gateway</html>', 'expected object'],
    ['null', null, 'expected object'],
    ['a node whose children are not a list', { mapping: { a: { children: 'b' } } }, 'mapping.a.children'],
  ])('should refuse %s with a reason and store nothing', async (_label, conversation, reason) => {
    const capture = buildCapture(buildRawConversation('c1'));
    await expect(saveConversation(archive(), { ...capture, conversation }, FIXED_NOW)).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidConversationError', message: expect.stringContaining(reason) }),
    );
    expect(await archive().conversations.count()).toBe(0);
    expect(await archive().accounts.count()).toBe(0);
  });

  it('should keep a copy ChatGPT updated later than the one arriving now', async () => {
    await saveConversation(
      archive(),
      buildCapture(buildRawConversation('c1', undefined, { title: 'Newer', update_time: 200 })),
      FIXED_NOW,
    );
    const late = await saveConversation(
      archive(),
      buildCapture(buildRawConversation('c1', undefined, { title: 'Older', update_time: 100 })),
      FIXED_NOW + 1,
    );
    expect(late).toMatchObject({ stored: false, record: { title: 'Newer' } });
    expect((await archive().conversations.get('c1'))?.title).toBe('Newer');
  });

  it('should refuse to move a conversation to another account and keep the stored one', async () => {
    await saveConversation(archive(), buildCapture(buildRawConversation('c1')), FIXED_NOW);
    const other = buildCapture(buildRawConversation('c1'), { account: buildAccount({ id: 'user-other' }) });
    await expect(saveConversation(archive(), other, FIXED_NOW + 1)).rejects.toMatchObject({ code: 'refused' });
    expect((await archive().conversations.get('c1'))?.accountId).toBe('user-test-1');
    expect(await archive().accounts.count()).toBe(1);
  });

  it('should refuse JSON that belongs to another conversation than the URL says', async () => {
    const capture = buildCapture(buildRawConversation('c1'), { conversationId: 'c2' });
    await expect(saveConversation(archive(), capture, FIXED_NOW)).rejects.toBeInstanceOf(InvalidConversationError);
  });

  it('should leave what was stored before untouched when a later capture is bad', async () => {
    await saveConversation(archive(), buildCapture(buildRawConversation('c1')), FIXED_NOW);
    const before = await archive().conversations.get('c1');
    await expect(
      saveConversation(
        archive(),
        { ...buildCapture(buildRawConversation('c1')), conversation: { nope: true } },
        FIXED_NOW,
      ),
    ).rejects.toThrow();
    expect(await archive().conversations.get('c1')).toEqual(before);
  });
});

describe('listConversations', () => {
  it('should list one account newest first and never mix in another account', async () => {
    const work = buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' });
    for (const [id, update] of [
      ['old', 100],
      ['new', 300],
      ['mid', 200],
    ] as const) {
      await saveConversation(
        archive(),
        buildCapture(buildRawConversation(id, undefined, { update_time: update })),
        FIXED_NOW,
      );
    }
    await saveConversation(
      archive(),
      buildCapture(buildRawConversation('team-chat'), { account: work }),
      FIXED_NOW + 5,
    );

    expect((await listConversations(archive(), 'user-test-1')).map((c) => c.id)).toEqual(['new', 'mid', 'old']);
    expect((await listConversations(archive(), 'user-test-1', 2)).map((c) => c.id)).toEqual(['new', 'mid']);
    expect(await countConversations(archive(), 'user-test-1')).toBe(3);
    expect((await listConversations(archive(), 'workspace-team')).map((c) => c.id)).toEqual(['team-chat']);
    expect((await getCurrentAccount(archive()))?.id).toBe('workspace-team');
    expect(await getConversation(archive(), 'workspace-team', 'team-chat')).toBeDefined();
    expect(await getConversation(archive(), 'user-test-1', 'team-chat')).toBeUndefined();
  });
});
