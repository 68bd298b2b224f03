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

/**
 * What a content script sends after capturing `conversation`: its JSON text, as chatgpt.com would send it
 * (pass a string to control the exact bytes).
 */
export function buildCapture(
  conversation: Record<string, unknown> | string = buildRawConversation(),
  overrides: Partial<CapturedConversation> = {},
): CapturedConversation {
  const body = typeof conversation === 'string' ? conversation : JSON.stringify(conversation);
  const parsed =
    typeof conversation === 'string' ? (JSON.parse(conversation) as Record<string, unknown>) : conversation;
  const conversationId = String(parsed.conversation_id ?? parsed.id ?? 'conv-test-1');
  return { conversationId, account: buildAccount(), body, ...overrides };
}

/** Origin of the extension in WXT's fakeBrowser. */
export const FAKE_EXTENSION_ORIGIN = 'chrome-extension://test-extension-id/';

/** Chrome refuses a runtime message whose JSON is larger than this. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** A message as the browser delivers it: cloned (never the sender's own object) and refused above the size cap. */
function deliver<T>(message: T): T {
  const size = new TextEncoder().encode(JSON.stringify(message) ?? '').byteLength;
  if (size > MAX_MESSAGE_BYTES) throw new Error(`Message length exceeded maximum allowed length (${size} bytes).`);
  return structuredClone(message);
}

/**
 * Makes `browser.runtime.sendMessage` in this test arrive as if sent from `url` (a chatgpt.com tab or one of
 * Lifeboat's pages): WXT's fakeBrowser reports every sender as `{}`, which the protocol rightly refuses. A
 * chatgpt.com sender is in tab `tabId` (1 unless given). Messages and replies are cloned and size-checked as
 * the browser does, so nothing passes in-process that could not cross contexts.
 */
export function sendMessagesFrom(url: string, { tabId = 1 }: { tabId?: number } = {}): void {
  const fromTab = !url.startsWith(FAKE_EXTENSION_ORIGIN);
  // The fields Lifeboat reads; fakeBrowser's type wants a whole Tab.
  const sender = { url, id: fakeBrowser.runtime.id, ...(fromTab ? { tab: { id: tabId, url } } : {}) } as never;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const replies = await fakeBrowser.runtime.onMessage.trigger(deliver(message), sender);
    return deliver(replies.find((reply: unknown) => reply !== undefined));
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

/** A message in the `/backend-api/conversation/<id>` shape: a visible user text unless overridden. */
export function buildMessage(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    author: { role: 'user', name: null, metadata: {} },
    create_time: FIXED_NOW / 1000,
    content: { content_type: 'text', parts: [`text of ${id}`] },
    status: 'finished_successfully',
    weight: 1,
    metadata: {},
    recipient: 'all',
    channel: null,
    ...overrides,
  };
}

/**
 * A conversation from a list of nodes `[id, parent, children, message?]`; a node without a message gets a user
 * text message named after it, unless `null` is given.
 */
export function buildTree(
  nodes: [id: string, parent: string | null, children: string[], message?: Record<string, unknown> | null][],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const mapping = Object.fromEntries(
    nodes.map(([id, parent, children, message]) => [
      id,
      { id, parent, children, message: message === undefined ? buildMessage(id) : message },
    ]),
  );
  return { title: 'Tree', mapping, current_node: nodes.at(-1)?.[0], conversation_id: 'tree-1', ...overrides };
}
