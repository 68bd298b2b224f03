import { describe, expect, it } from 'vitest';
import { RawConversationSchema } from '@/utils/conversations/model';
import { currentBranch, summarizeConversation } from '@/utils/conversations/summarize-conversation';
import { conversationIdOf, loadOwnFixtures, loadSharedFixtures } from '../../../e2e/model-chatgpt/backend';
import { buildRawConversation, FIXED_NOW } from '../../../factories';

function parse(raw: unknown) {
  return RawConversationSchema.parse(raw);
}

describe('currentBranch', () => {
  it('should walk from current_node up to the root and return root first', () => {
    const raw = buildRawConversation('c1');
    expect(currentBranch(parse(raw))).toEqual(['client-created-root', 'c1-node-1', 'c1-node-2']);
  });

  it('should follow the branch current_node names when a prompt was edited', () => {
    const raw = buildRawConversation('c2');
    const mapping = raw.mapping as Record<string, { children: string[] }>;
    mapping['client-created-root']?.children.push('edited');
    mapping.edited = { id: 'edited', parent: 'client-created-root', children: [] } as never;
    expect(currentBranch(parse({ ...raw, current_node: 'edited' }))).toEqual(['client-created-root', 'edited']);
  });

  it('should fall back to the newest leaf when current_node is missing or unknown', () => {
    const raw = buildRawConversation('c3');
    expect(currentBranch(parse({ ...raw, current_node: 'gone' })).at(-1)).toBe('c3-node-2');
    expect(currentBranch(parse({ ...raw, current_node: undefined })).at(-1)).toBe('c3-node-2');
  });

  it('should stop at a cycle instead of looping forever', () => {
    const raw = {
      mapping: { a: { id: 'a', parent: 'b', children: ['b'] }, b: { id: 'b', parent: 'a', children: ['a'] } },
      current_node: 'a',
    };
    expect(currentBranch(parse(raw))).toEqual(['b', 'a']);
  });

  it('should handle a 10,000-message chat without overflowing the stack', () => {
    const turns = Array.from({ length: 10_000 }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      text: `turn ${i}`,
    }));
    expect(currentBranch(parse(buildRawConversation('long', turns)))).toHaveLength(10_001);
  });
});

describe('summarizeConversation', () => {
  it('should derive the archive fields from the raw JSON', () => {
    const summary = summarizeConversation(parse(buildRawConversation('c1')), FIXED_NOW);
    expect(summary).toEqual({
      title: 'Keeping chats',
      createdAt: FIXED_NOW - 3_600_000,
      updatedAt: FIXED_NOW - 3_600_000 + 2000,
      updatedAtKnown: true,
      model: 'gpt-5',
      gizmoId: null,
      isArchived: false,
      messageCount: 2,
      branchCount: 1,
    });
  });
  it.each([
    ['missing', undefined],
    ['null', null],
    ['unreadable', 'soon'],
  ])('should say when update_time is %s, and sort by the creation time then', (_label, updateTime) => {
    const summary = summarizeConversation(
      parse(buildRawConversation('c1', undefined, { update_time: updateTime })),
      FIXED_NOW,
    );
    expect(summary).toMatchObject({ updatedAt: FIXED_NOW - 3_600_000, updatedAtKnown: false });
  });

  it('should count only what a person sees: no hidden, tool, system or empty placeholder messages', () => {
    const raw = buildRawConversation('c4', [
      { role: 'system', text: '', hidden: true },
      { role: 'user', text: '해바라기밭에서 찍은 사진 정리해 줘' },
      { role: 'assistant', text: '', model: 'gpt-4o' },
      { role: 'assistant', text: 'search("sunflowers")', recipient: 'web.run' },
      { role: 'tool', text: 'results' },
      { role: 'assistant', text: '정리했어요.', model: 'gpt-4o' },
    ]);
    expect(summarizeConversation(parse(raw), FIXED_NOW)).toMatchObject({ messageCount: 2, model: 'gpt-4o' });
  });

  it('should accept a null title, missing times and no model', () => {
    const raw = buildRawConversation('c5', [{ role: 'user', text: 'hi' }], {
      title: null,
      create_time: undefined,
      update_time: null,
      default_model_slug: undefined,
    });
    expect(summarizeConversation(parse(raw), FIXED_NOW)).toMatchObject({
      title: '',
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
      model: null,
    });
  });
});

describe('summarizeConversation on the project fixtures', () => {
  const byFile = Object.fromEntries(loadOwnFixtures().map((raw) => [conversationIdOf(raw), raw]));
  it.each([
    // file, what a person sees on the visible branch, leaves of the tree, model of the newest answer
    ['own-01 (edits and a regeneration)', 'e88b7591-31db-4e32-98dc-b35f94c662cd', 6, 4, 'gpt-4o'],
    ['own-02 (code interpreter)', '780c4b16-a510-49fa-a2b2-bbd1c38dbe31', 2, 1, 'gpt-4o'],
    ['own-03 (image upload, custom GPT)', 'bd8ec9a1-f803-45ed-bd7c-9ec7081ab44d', 2, 1, 'gpt-5'],
    ['own-04 (reasoning, web search)', 'e4039782-67e5-43c9-ae73-35a01662e2ce', 2, 1, 'gpt-5-thinking'],
    ['own-05 (2023 shape, no id)', '4ca67353-d824-444b-81c1-56cf264ca243', 4, 1, 'text-davinci-002-render-sha'],
  ])('%s', (_label, id, messageCount, branchCount, model) => {
    expect(summarizeConversation(parse(byFile[id]), FIXED_NOW)).toMatchObject({ messageCount, branchCount, model });
  });

  const shared = loadSharedFixtures();
  it.skipIf(!shared.available)(
    `should summarize every real conversation in ../shared/fixtures${shared.available ? '' : ` (skipped: ${shared.reason})`}`,
    () => {
      for (const raw of shared.conversations) {
        const summary = summarizeConversation(parse(raw), FIXED_NOW);
        expect(summary.messageCount, String(raw.title)).toBeGreaterThan(0);
        expect(summary.updatedAt).toBeGreaterThanOrEqual(summary.createdAt);
        expect(summary.title).not.toBe('');
      }
    },
  );
});
