import { describe, expect, it } from 'vitest';
import { conversationIdOf, loadOwnFixtures } from '../../e2e/model-chatgpt/backend';

interface Node {
  id: string;
  parent?: string | null;
  children: string[];
  message?: { id: string; metadata: { parent_id?: string } } | null;
}

const MODERN_KEYS = [
  'title',
  'create_time',
  'update_time',
  'mapping',
  'moderation_results',
  'current_node',
  'plugin_ids',
  'conversation_id',
  'conversation_template_id',
  'gizmo_id',
  'gizmo_type',
  'is_archived',
  'is_starred',
  'safe_urls',
  'blocked_urls',
  'default_model_slug',
  'conversation_origin',
  'voice',
  'async_status',
  'disabled_tool_ids',
  'is_do_not_remember',
  'memory_scope',
  'sugar_item_id',
  'is_study_mode',
  'owner',
  'id',
];

const fixtures = loadOwnFixtures().map((conversation) => [String(conversation.title), conversation] as const);

describe('own ChatGPT fixtures', () => {
  it.each(fixtures)('%s should be a consistent tree', (_, conversation) => {
    const mapping = conversation.mapping as Record<string, Node>;
    const roots = Object.values(mapping).filter((node) => node.parent === undefined || node.parent === null);
    expect(roots).toHaveLength(1);
    expect(mapping[String(conversation.current_node)]?.children).toEqual([]);
    for (const [key, node] of Object.entries(mapping)) {
      expect(node.id).toBe(key);
      if (node.message) expect(node.message.id).toBe(key);
      for (const child of node.children) expect(mapping[child]?.parent).toBe(key);
      if (node.parent) expect(mapping[node.parent]?.children).toContain(key);
      const parentId = node.message?.metadata.parent_id;
      if (parentId !== undefined) expect(parentId).toBe(node.parent);
    }
  });

  it.each(fixtures.filter(([, conversation]) => 'id' in conversation))(
    '%s should carry every modern top-level key',
    (_, conversation) => {
      expect(Object.keys(conversation)).toEqual(expect.arrayContaining(MODERN_KEYS));
      expect(conversation.id).toBe(conversation.conversation_id);
    },
  );

  it('should keep one conversation in the 2023 shape without a top-level id', () => {
    const legacy = fixtures
      .filter(([, conversation]) => !('id' in conversation))
      .map(([, conversation]) => conversation);
    expect(legacy).toHaveLength(1);
    expect(conversationIdOf(legacy[0] ?? {})).toBe('4ca67353-d824-444b-81c1-56cf264ca243');
  });
});
