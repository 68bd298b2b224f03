import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureSourceOf, createReceiveCapture, type ReceiveCaptureDeps } from '@/utils/conversations/receive-capture';
import { getConversation } from '@/utils/conversations/store';
import { type Handlers, registerHandlers, sendMessage } from '@/utils/messaging/protocol';
import { indexConversation, searchConversations } from '@/utils/search/search-index';
import { createLogger } from '@/utils/shared/logger';
import {
  buildAccount,
  buildCapture,
  buildRawConversation,
  FAKE_EXTENSION_ORIGIN,
  FIXED_NOW,
  freshArchiveDbPerTest,
  sendMessagesFrom,
} from '../../../factories';

const archive = freshArchiveDbPerTest('receive');

const lines: string[] = [];
const logger = createLogger('background', {
  debug: (line: string) => lines.push(`debug ${line}`),
  info: (line: string) => lines.push(`info ${line}`),
  warn: (line: string) => lines.push(`warn ${line}`),
  error: (line: string) => lines.push(`error ${line}`),
});

beforeEach(() => {
  fakeBrowser.reset();
  lines.length = 0;
});

const chatgptTab = {
  url: 'https://chatgpt.com/c/conv-test-1',
  tab: { id: 7, url: 'https://chatgpt.com/c/conv-test-1' },
};

/** The background's `saveConversation` handler as background.ts registers it; no other message is sent here. */
function registerBackground(deps: Partial<ReceiveCaptureDeps> = {}): void {
  const handlers = { saveConversation: createReceiveCapture({ db: archive(), logger, now: () => FIXED_NOW, ...deps }) };
  registerHandlers('background', handlers as Handlers<'background'>);
}

describe('captureSourceOf', () => {
  // The back-up job drives tab 7 in every row.
  const isSyncTab = (tabId: number) => tabId === 7;
  it.each([
    ['a chatgpt.com tab', 'page', { ...chatgptTab, tab: { id: 8 } }],
    ['the tab the back-up job drives', 'sync', chatgptTab],
    ['an extension page (no tab)', 'extension', { url: `${FAKE_EXTENSION_ORIGIN}app.html` }],
  ] as const)('should take a capture from %s as `%s`', (_label, source, sender) => {
    expect(captureSourceOf(sender, isSyncTab)).toBe(source);
  });

  it('should take every tab as `page` while no job runs', () => {
    expect(captureSourceOf(chatgptTab, () => false)).toBe('page');
  });
});

describe('createReceiveCapture', () => {
  it('should answer with what the popup and the page notice show, outcome included', async () => {
    const receive = createReceiveCapture({ db: archive(), logger, now: () => FIXED_NOW });
    await expect(receive(buildCapture(), chatgptTab)).resolves.toEqual({
      id: 'conv-test-1',
      title: 'Keeping chats',
      messageCount: 2,
      outcome: 'created',
    });
    await expect(receive(buildCapture(), chatgptTab)).resolves.toMatchObject({ outcome: 'unchanged' });
    expect(await getConversation(archive(), 'conv-test-1')).toMatchObject({
      capturedAt: FIXED_NOW,
      capturedBy: 'page',
    });
  });

  it('should judge the source from the sender: a tab the job drives is `sync`', async () => {
    const receive = createReceiveCapture({ db: archive(), logger, isSyncTab: (tabId) => tabId === 7 });
    await receive(buildCapture(buildRawConversation('c-sync')), chatgptTab);
    await receive(buildCapture(buildRawConversation('c-page')), { ...chatgptTab, tab: { id: 8 } });
    await receive(buildCapture(buildRawConversation('c-ext')), { url: `${FAKE_EXTENSION_ORIGIN}app.html` });
    expect((await getConversation(archive(), 'c-sync'))?.capturedBy).toBe('sync');
    expect((await getConversation(archive(), 'c-page'))?.capturedBy).toBe('page');
    expect((await getConversation(archive(), 'c-ext'))?.capturedBy).toBe('extension');
  });

  it('should log a move of a chat an earlier version had filed under a guessed account', async () => {
    const raw = buildRawConversation('c1');
    const receive = createReceiveCapture({ db: archive(), logger, now: () => FIXED_NOW });
    await receive(buildCapture(raw, { account: buildAccount({ id: 'user-guessed' }) }), chatgptTab);
    await archive().conversations.update('c1', { accountBasis: 'v1' });
    lines.length = 0;
    const team = buildAccount({ id: 'workspace-team', label: 'Team', kind: 'workspace' });
    await expect(receive(buildCapture(raw, { account: team }), chatgptTab)).resolves.toMatchObject({
      outcome: 'moved',
    });
    expect(lines).toContain(
      'info [Lifeboat:background] Moved conversation c1 to workspace-team: an earlier version had filed it by a guess.',
    );
  });

  it('should log the reason a capture was refused and pass it on', async () => {
    const receive = createReceiveCapture({ db: archive(), logger });
    const capture = buildCapture(buildRawConversation('c9'), { body: '[]' });
    await expect(receive(capture, chatgptTab)).rejects.toThrow(
      'Conversation c9 was not saved: Invalid input: expected object, received array.',
    );
    expect(lines).toEqual([
      'warn [Lifeboat:background] Conversation c9 was not saved: Invalid input: expected object, received array.',
    ]);
  });
});

describe('saveConversation through the message protocol', () => {
  it('should record a capture from a chatgpt.com tab as `page` and answer with the outcome', async () => {
    sendMessagesFrom('https://chatgpt.com/c/conv-test-1', { tabId: 3 });
    registerBackground({ isSyncTab: (tabId) => tabId === 7 });
    await expect(sendMessage('saveConversation', buildCapture())).resolves.toMatchObject({ outcome: 'created' });
    expect((await getConversation(archive(), 'conv-test-1'))?.capturedBy).toBe('page');
  });

  it('should record a capture from the job’s tab as `sync`', async () => {
    sendMessagesFrom('https://chatgpt.com/c/conv-test-1', { tabId: 7 });
    registerBackground({ isSyncTab: (tabId) => tabId === 7 });
    await sendMessage('saveConversation', buildCapture());
    expect((await getConversation(archive(), 'conv-test-1'))?.capturedBy).toBe('sync');
  });

  it('should record a capture from an extension page as `extension`', async () => {
    sendMessagesFrom(`${FAKE_EXTENSION_ORIGIN}app.html`);
    registerBackground({ isSyncTab: () => true });
    await sendMessage('saveConversation', buildCapture());
    expect((await getConversation(archive(), 'conv-test-1'))?.capturedBy).toBe('extension');
  });

  it('should ignore a `source` a content script smuggles into its message', async () => {
    sendMessagesFrom('https://chatgpt.com/c/conv-test-1', { tabId: 3 });
    registerBackground({ isSyncTab: (tabId) => tabId === 7 });
    const smuggled = { ...buildCapture(), source: 'sync', capturedBy: 'sync' };
    await expect(sendMessage('saveConversation', smuggled)).resolves.toMatchObject({ outcome: 'created' });
    expect((await getConversation(archive(), 'conv-test-1'))?.capturedBy).toBe('page');
  });

  it('should pass a refusal back to the page with its code', async () => {
    sendMessagesFrom('https://chatgpt.com/c/conv-test-1');
    registerBackground();
    await sendMessage('saveConversation', buildCapture());
    const other = buildCapture(undefined, { account: buildAccount({ id: 'user-other' }) });
    await expect(sendMessage('saveConversation', other)).rejects.toMatchObject({
      name: 'ProtocolError',
      code: 'refused',
    });
  });
});

describe('indexing what a capture stored', () => {
  const sender = { url: chatgptTab.url, tab: chatgptTab.tab };

  it('should make a stored chat searchable at once, in Korean too, and only new or newer copies', async () => {
    const indexed: string[] = [];
    const receive = createReceiveCapture({
      db: archive(),
      logger,
      now: () => FIXED_NOW,
      index: async (chat) => {
        indexed.push(chat.id);
        await indexConversation(archive(), chat);
      },
    });
    const raw = buildRawConversation('c1', [
      { role: 'user', text: '도서관에서 책을 빌리는 방법' },
      { role: 'assistant', text: 'Borrowing books is easy.', model: 'gpt-5' },
    ]);
    await receive(buildCapture(raw), sender);
    await receive(buildCapture(raw), sender);
    expect(indexed).toEqual(['c1']);
    const [hit] = await searchConversations(archive(), { accountId: 'user-test-1', query: '도서관' });
    expect(hit).toMatchObject({ conversationId: 'c1' });
    expect(await searchConversations(archive(), { accountId: 'user-test-1', query: 'borrow' })).toHaveLength(1);
    expect(await searchConversations(archive(), { accountId: 'user-other', query: '도서관' })).toEqual([]);
  });

  it('should still save the chat when indexing fails, and say so in the log', async () => {
    const receive = createReceiveCapture({
      db: archive(),
      logger,
      now: () => FIXED_NOW,
      index: async () => {
        throw new Error('index is broken');
      },
    });
    await expect(receive(buildCapture(), sender)).resolves.toMatchObject({ outcome: 'created' });
    expect(await getConversation(archive(), 'conv-test-1')).toBeDefined();
    expect(lines).toContain(
      'warn [Lifeboat:background] Conversation conv-test-1 was saved but not indexed for search: index is broken',
    );
  });
});
