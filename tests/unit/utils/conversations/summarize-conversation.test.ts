import { describe, expect, it } from 'vitest';
import { RawConversationSchema } from '@/utils/conversations/model';
import { currentBranch, summarizeConversation } from '@/utils/conversations/summarize-conversation';
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
      model: 'gpt-5',
      gizmoId: null,
      isArchived: false,
      messageCount: 2,
      branchCount: 1,
    });
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
