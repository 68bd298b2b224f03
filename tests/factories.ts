import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Account, CapturedConversation } from '@/utils/conversations/model';
import { ArchiveDb } from '@/utils/db/database';

// Deterministic builders for unit tests: fixed ids and a fixed clock, overridable field by field.

/** 2026-11-01T09:00:00Z, the clock of every test that does not set its own. */
export const FIXED_NOW = Date.UTC(2026, 10, 1, 9, 0, 0);

/** A personal account. */
export function buildAccount(overrides: Partial<Account> = {}): Account {
  return { id: 'user-test-1', label: 'Test User', kind: 'personal', ...overrides };
}

interface TurnSpec {
  role: 'user' | 'assistant' | 'system' | 'tool';
  text: string;
  model?: string;
  recipient?: string;
  hidden?: boolean;
}

/**
 * A conversation in the `/backend-api/conversation/<id>` shape with one linear branch: a hidden root, then the
 * given turns. Node ids are `<id>-node-<n>`.
 */
export function buildRawConversation(
  id = 'conv-test-1',
  turns: TurnSpec[] = [
    { role: 'user', text: 'How do I keep my chats?' },
    { role: 'assistant', text: 'Lifeboat keeps them for you.', model: 'gpt-5' },
  ],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const mapping: Record<string, unknown> = {
    'client-created-root': { id: 'client-created-root', message: null, parent: null, children: [] },
  };
  let parent = 'client-created-root';
  const createTime = FIXED_NOW / 1000 - 3600;
  turns.forEach((turn, index) => {
    const nodeId = `${id}-node-${index + 1}`;
    (mapping[parent] as { children: string[] }).children.push(nodeId);
    mapping[nodeId] = {
      id: nodeId,
      message: {
        id: nodeId,
        author: { role: turn.role, name: null, metadata: {} },
        create_time: createTime + index,
        update_time: null,
        content: { content_type: 'text', parts: [turn.text] },
        status: 'finished_successfully',
        end_turn: turn.role === 'assistant' ? true : null,
        weight: 1,
        metadata: {
          ...(turn.model ? { model_slug: turn.model } : {}),
          ...(turn.hidden ? { is_visually_hidden_from_conversation: true } : {}),
        },
        recipient: turn.recipient ?? 'all',
        channel: null,
      },
      parent,
      children: [],
    };
    parent = nodeId;
  });
  return {
    title: 'Keeping chats',
    create_time: createTime,
    update_time: createTime + turns.length,
    mapping,
    moderation_results: [],
    current_node: parent,
    conversation_id: id,
    id,
    default_model_slug: 'auto',
    gizmo_id: null,
    is_archived: false,
    ...overrides,
  };
}

/** What a content script sends after capturing `conversation`. */
export function buildCapture(
  conversation: Record<string, unknown> = buildRawConversation(),
  overrides: Partial<CapturedConversation> = {},
): CapturedConversation {
  const conversationId = String(conversation.conversation_id ?? conversation.id ?? 'conv-test-1');
  return { conversationId, account: buildAccount(), conversation, source: 'page', ...overrides };
}

/** Origin of the extension in WXT's fakeBrowser. */
export const FAKE_EXTENSION_ORIGIN = 'chrome-extension://test-extension-id/';

/**
 * Makes `browser.runtime.sendMessage` in this test arrive as if sent from `url` (a chatgpt.com tab or one of
 * Lifeboat's pages): WXT's fakeBrowser reports every sender as `{}`, which the protocol rightly refuses.
 */
export function sendMessagesFrom(url: string): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, { url, id: fakeBrowser.runtime.id });
    return replies.find((reply: unknown) => reply !== undefined);
  });
}

/**
 * A fresh ArchiveDb on fake-indexeddb for every test in the calling file, deleted afterwards; call the
 * returned function inside a test to get it.
 */
export function freshArchiveDbPerTest(prefix = 'test'): () => ArchiveDb {
  let db: ArchiveDb | undefined;
  beforeEach(() => {
    db = new ArchiveDb(`${prefix}-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db?.delete();
  });
  return () => {
    if (db === undefined) throw new Error('freshArchiveDbPerTest() gives a database inside tests only');
    return db;
  };
}
