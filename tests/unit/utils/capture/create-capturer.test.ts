import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureNotice } from '@/utils/capture/capture-notice';
import type { ChatGptApi } from '@/utils/capture/chatgpt-api';
import { type CapturerDeps, createCapturer } from '@/utils/capture/create-capturer';
import { createReceiveCapture } from '@/utils/conversations/receive-capture';
import { ArchiveDb } from '@/utils/db/database';
import { registerHandlers, sendMessage } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { createLogger } from '@/utils/shared/logger';
import { buildRawConversation, sendMessagesFrom } from '../../../factories';
import { FAKE_SESSION, type FakeAnswer, fakeChatGpt, json } from '../../../fake-chatgpt-fetch';

// The whole capture path below the browser: the real chatgpt.com client over a fake fetch, the real protocol,
// the real background handler and the real archive on fake-indexeddb.

let db: ArchiveDb;
/** The chat the fake tab shows. */
let current: string | null = 'c1';
const logLines: string[] = [];
const sink = {
  debug: (line: string) => logLines.push(`debug ${line}`),
  info: (line: string) => logLines.push(`info ${line}`),
  warn: (line: string) => logLines.push(`warn ${line}`),
  error: (line: string) => logLines.push(`error ${line}`),
};

beforeEach(() => {
  fakeBrowser.reset();
  logLines.length = 0;
  current = 'c1';
  db = new ArchiveDb(`capture-test-${crypto.randomUUID()}`);
  sendMessagesFrom('https://chatgpt.com/c/c1');
  registerHandlers('background', {
    saveConversation: createReceiveCapture({ db, logger: createLogger('background', sink) }),
    downloadConversation: async () => ({ filename: '' }),
    reportPageHook: async () => ({ stored: false }),
  });
});

afterEach(async () => {
  await db.delete();
});

/** A capturer on the real protocol with quiet defaults; tests override what they look at. */
function capturerWith(api: ChatGptApi, overrides: Partial<CapturerDeps> = {}) {
  return createCapturer({
    api,
    save: (capture) => sendMessage('saveConversation', capture),
    loadSettings: async () => DEFAULT_SETTINGS,
    notice: { show: () => {}, remove: () => {} },
    logger: createLogger('capture', sink),
    texts: { saved: () => '', rateLimited: () => '', failed: () => '' },
    currentConversationId: () => current,
    ...overrides,
  });
}

function setup(conversation: FakeAnswer[], settings: Settings = DEFAULT_SETTINGS) {
  const notices: [string, string][] = [];
  const notice: CaptureNotice = { show: (text, tone) => notices.push([text, tone]), remove: () => {} };
  const chatgpt = fakeChatGpt({
    '/api/auth/session': [json(FAKE_SESSION)],
    '/backend-api/conversation/c1': conversation,
  });
  const capturer = capturerWith(chatgpt.api, {
    loadSettings: async () => settings,
    notice,
    texts: { saved: (title) => `Saved “${title}”`, rateLimited: () => 'Busy', failed: () => 'Not saved' },
    minGapMs: 0,
  });
  const fetches = () => chatgpt.calls.filter((call) => call.path === '/backend-api/conversation/c1').length;
  return { capturer, notices, fetches };
}

describe('createCapturer', () => {
  it('should fetch the chat in the URL, store it through the background and say so on the page', async () => {
    const { capturer, notices } = setup([json(buildRawConversation('c1'))]);
    await expect(capturer.captureUrl('https://chatgpt.com/c/c1')).resolves.toMatchObject({ status: 'saved', id: 'c1' });
    expect(await db.conversations.get('c1')).toMatchObject({ accountId: 'user-u1', raw: buildRawConversation('c1') });
    expect(notices).toEqual([['Saved “Keeping chats”', 'saved']]);
  });

  it('should store nothing and log the reason when the JSON has no mapping', async () => {
    const { capturer, notices } = setup([json({ conversation_id: 'c1', title: 'x' })]);
    const outcome = await capturer.captureConversation('c1');
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'Conversation c1 was not saved: `mapping` is missing.',
      rateLimited: false,
    });
    expect(await db.conversations.count()).toBe(0);
    expect(logLines).toContain('warn [Lifeboat:capture] Conversation c1 was not saved: `mapping` is missing.');
    expect(notices).toEqual([['Not saved', 'problem']]);
  });

  it('should log a server failure without throwing', async () => {
    const { capturer } = setup([
      new Response('<!doctype html><h1>502</h1>', { headers: { 'content-type': 'text/html' } }),
    ]);
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'failed' });
    expect(logLines.at(-1)).toMatch(/^warn \[Lifeboat:capture\] Conversation c1 was not saved: .*HTML page/);
  });

  it('should stay quiet when nobody is signed in', async () => {
    const notices: unknown[] = [];
    const chatgpt = fakeChatGpt({ '/api/auth/session': [json({})] });
    const capturer = capturerWith(chatgpt.api, {
      notice: { show: (...args) => notices.push(args), remove: () => {} },
      currentConversationId: () => 'c1',
    });
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'skipped' });
    expect(notices).toEqual([]);
    expect(logLines.filter((line) => line.startsWith('warn'))).toEqual([]);
  });

  it('should capture nothing when capture is switched off, and show no notice when notices are off', async () => {
    const off = setup([json(buildRawConversation('c1'))], { ...DEFAULT_SETTINGS, captureEnabled: false });
    await expect(off.capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'skipped' });
    expect(off.fetches()).toBe(0);
    const quiet = setup([json(buildRawConversation('c1'))], { ...DEFAULT_SETTINGS, showCaptureNotice: false });
    await expect(quiet.capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved' });
    expect(quiet.notices).toEqual([]);
  });

  it('should fetch a chat once when it is asked for twice at the same time', async () => {
    const { capturer, fetches } = setup([json(buildRawConversation('c1'))]);
    await Promise.all([capturer.captureConversation('c1'), capturer.captureConversation('c1')]);
    expect(fetches()).toBe(1);
  });

  it('should tell the user ChatGPT is rate limiting, not just that the save failed', async () => {
    const { capturer, notices } = setup([json({}, { status: 429, headers: { 'retry-after': '30' } })]);
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'failed', rateLimited: true });
    expect(notices).toEqual([['Busy', 'problem']]);
  });

  it('should neither fetch nor announce a chat the user left before its turn', async () => {
    let answerA = () => {};
    const aAnswered = new Promise<void>((resolve) => {
      answerA = resolve;
    });
    const chatgpt = fakeChatGpt({
      '/api/auth/session': [json(FAKE_SESSION)],
      '/backend-api/conversation/a': [async () => aAnswered.then(() => json(buildRawConversation('a')))],
      '/backend-api/conversation/b': [json(buildRawConversation('b'))],
      '/backend-api/conversation/c': [json(buildRawConversation('c'))],
    });
    const notices: string[] = [];
    let clock = 0;
    const sleeps: number[] = [];
    const capturer = capturerWith(chatgpt.api, {
      notice: { show: (text) => notices.push(text), remove: () => {} },
      texts: { saved: (title) => `Saved ${title}`, rateLimited: () => '', failed: () => '' },
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    current = 'a';
    const a = capturer.captureConversation('a');
    await vi.waitFor(() => expect(chatgpt.calls.map((call) => call.path)).toContain('/backend-api/conversation/a'));
    current = 'b';
    const b = capturer.captureConversation('b');
    current = 'c';
    const c = capturer.captureConversation('c');
    answerA();
    // a was already on its way when the user moved on: it is saved quietly. b was left in the queue.
    await expect(a).resolves.toMatchObject({ status: 'saved' });
    await expect(b).resolves.toMatchObject({ status: 'skipped' });
    await expect(c).resolves.toMatchObject({ status: 'saved' });
    expect(chatgpt.calls.map((call) => call.path).filter((path) => path.includes('/conversation/'))).toEqual([
      '/backend-api/conversation/a',
      '/backend-api/conversation/c',
    ]);
    expect(notices).toEqual(['Saved Keeping chats']);
    // The second request waited out the 1 s gap after the first.
    expect(sleeps).toEqual([1000]);
  });

  it('should not fetch a chat the user left while it waited out the gap', async () => {
    const chatgpt = fakeChatGpt({
      '/api/auth/session': [json(FAKE_SESSION)],
      '/backend-api/conversation/a': [json(buildRawConversation('a'))],
      '/backend-api/conversation/b': [json(buildRawConversation('b'))],
    });
    let clock = 0;
    const capturer = capturerWith(chatgpt.api, {
      now: () => clock,
      sleep: async (ms) => {
        // The user clicks on to another chat during the wait.
        current = 'elsewhere';
        clock += ms;
      },
    });
    current = 'a';
    await capturer.captureConversation('a');
    current = 'b';
    await expect(capturer.captureConversation('b')).resolves.toMatchObject({ status: 'skipped' });
    expect(chatgpt.calls.map((call) => call.path)).not.toContain('/backend-api/conversation/b');
  });

  it('should wait as long as a 429 asked before the next request', async () => {
    const chatgpt = fakeChatGpt({
      '/api/auth/session': [json(FAKE_SESSION)],
      '/backend-api/conversation/a': [json({}, { status: 429, headers: { 'retry-after': '37' } })],
      '/backend-api/conversation/b': [json(buildRawConversation('b'))],
    });
    let clock = 0;
    const sleeps: number[] = [];
    const capturer = capturerWith(chatgpt.api, {
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    current = 'a';
    await expect(capturer.captureConversation('a')).resolves.toMatchObject({ rateLimited: true });
    current = 'b';
    await expect(capturer.captureConversation('b')).resolves.toMatchObject({ status: 'saved' });
    expect(sleeps).toEqual([37_000]);
  });

  it('should stop when the content script is invalidated', async () => {
    let active = true;
    const chatgpt = fakeChatGpt({ '/api/auth/session': [json(FAKE_SESSION)] });
    const capturer = capturerWith(chatgpt.api, {
      currentConversationId: () => 'c1',
      isActive: () => active,
    });
    active = false;
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'skipped' });
    expect(chatgpt.calls).toEqual([]);
  });

  it('should ignore URLs that are not a chat', () => {
    const { capturer } = setup([json(buildRawConversation('c1'))]);
    expect(capturer.captureUrl('https://chatgpt.com/share/c1')).toBeUndefined();
  });
});
