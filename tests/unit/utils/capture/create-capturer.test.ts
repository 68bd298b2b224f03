import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureNotice } from '@/utils/capture/capture-notice';
import type { ChatGptApi } from '@/utils/capture/chatgpt-api';
import { type CapturerDeps, type CaptureTexts, createCapturer } from '@/utils/capture/create-capturer';
import { createRequestGate } from '@/utils/capture/request-gate';
import { MAX_CONVERSATION_BYTES } from '@/utils/conversations/model';
import { createReceiveCapture } from '@/utils/conversations/receive-capture';
import { getConversationBody } from '@/utils/conversations/store';
import { ArchiveDb } from '@/utils/db/database';
import { registerHandlers, sendMessage } from '@/utils/messaging/protocol';
import { createRequestLimiter, type RequestLimiter } from '@/utils/pacing/create-request-limiter';
import { IDLE_PACING, type PacingState } from '@/utils/pacing/model';
import { createPacingHandlers } from '@/utils/pacing/pacing-handlers';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/model';
import { createLogger } from '@/utils/shared/logger';
import { buildRawConversation, sendMessagesFrom } from '../../../factories';
import { FAKE_SESSION, type FakeAnswer, fakeChatGpt, json } from '../../../fake-chatgpt-fetch';

// The whole capture path below the browser: the real chatgpt.com client over a fake fetch, the real gate asking
// the real background limiter over the real protocol, the real background handler and the real archive on
// fake-indexeddb. Time is a fake clock that every sleep advances.

let db: ArchiveDb;
/** The chat the fake tab shows. */
let current: string | null = 'c1';
let clock = 0;
let pacing: PacingState;
let limiter: RequestLimiter;
const logLines: string[] = [];
const sink = {
  debug: (line: string) => logLines.push(`debug ${line}`),
  info: (line: string) => logLines.push(`info ${line}`),
  warn: (line: string) => logLines.push(`warn ${line}`),
  error: (line: string) => logLines.push(`error ${line}`),
};
const ACCOUNTS_PATH = '/backend-api/accounts/check/v4-2023-04-27';
const TEAM = { account: { account_id: 'acc-team', structure: 'workspace', name: 'Team Room' } };

const TEXTS: CaptureTexts = {
  saved: (title) => `Saved “${title}”`,
  upToDate: (title) => `Up to date “${title}”`,
  rateLimitWait: (seconds) => `Waiting ${seconds ?? '?'} s`,
  rateLimited: () => 'Busy',
  accountUnknown: () => 'Unknown workspace',
  tooLarge: (size, limit) => `Too large: ${size} of ${limit} MB`,
  failed: () => 'Not saved',
};

/** Advances the fake clock; everything that waits (limiter, gate, retries) waits through this. */
async function fakeSleep(ms: number): Promise<void> {
  clock += ms;
}

beforeEach(() => {
  fakeBrowser.reset();
  logLines.length = 0;
  current = 'c1';
  clock = 1_000_000;
  pacing = { ...IDLE_PACING };
  db = new ArchiveDb(`capture-test-${crypto.randomUUID()}`);
  sendMessagesFrom('https://chatgpt.com/c/c1', { tabId: 3 });
  limiter = createRequestLimiter({
    store: {
      load: async () => pacing,
      save: async (next) => {
        pacing = next;
      },
    },
    now: () => clock,
    sleep: fakeSleep,
    random: () => 0,
  });
  registerHandlers('background', {
    saveConversation: createReceiveCapture({ db, logger: createLogger('background', sink), now: () => clock }),
    ...createPacingHandlers(limiter),
    downloadConversation: async () => ({ downloadId: 1, filename: '' }),
    reportPageHook: async () => ({ stored: false }),
  });
});

afterEach(async () => {
  await db.delete();
});

/** The gate every request of the fake tab goes through: the real one, on the real protocol. */
function realGate({
  isActive = () => true,
  sleep = fakeSleep,
}: {
  isActive?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
} = {}) {
  return createRequestGate({
    acquire: (request) => sendMessage('acquireRequestSlot', request),
    release: (leaseId, result) => sendMessage('releaseRequestSlot', { leaseId, result }),
    sleep,
    isActive,
  });
}

/** A capturer on the real protocol with quiet defaults; tests override what they look at. */
function capturerWith(api: ChatGptApi, overrides: Partial<CapturerDeps> = {}) {
  return createCapturer({
    api,
    save: (capture) => sendMessage('saveConversation', capture),
    loadSettings: async () => DEFAULT_SETTINGS,
    notice: { show: () => {}, remove: () => {} },
    logger: createLogger('capture', sink),
    texts: TEXTS,
    currentConversationId: () => current,
    now: () => clock,
    sleep: fakeSleep,
    random: () => 0.5,
    ...overrides,
  });
}

interface SetupOptions {
  settings?: Settings;
  /** What `document.cookie` says. */
  cookies?: () => string;
  /** More fake chatgpt.com routes. */
  routes?: Record<string, FakeAnswer[]>;
}

function setup(
  conversation: FakeAnswer[],
  { settings = DEFAULT_SETTINGS, cookies = () => '', routes = {} }: SetupOptions = {},
) {
  const notices: [string, string][] = [];
  const notice: CaptureNotice = { show: (text, tone) => notices.push([text, tone]), remove: () => {} };
  const chatgpt = fakeChatGpt(
    { '/api/auth/session': [json(FAKE_SESSION)], '/backend-api/conversation/c1': conversation, ...routes },
    cookies,
    realGate(),
  );
  const capturer = capturerWith(chatgpt.api, { loadSettings: async () => settings, notice });
  const sent = () => chatgpt.calls.filter((call) => call.path === '/backend-api/conversation/c1');
  return { capturer, notices, sent, fetches: () => sent().length };
}

describe('createCapturer', () => {
  it('should store the chat in the URL byte for byte through the background and say so on the page', async () => {
    // Key order a parse would change, and an integer a parse would round: the archive keeps the bytes.
    const raw = JSON.stringify(buildRawConversation('c1')).replace(/}$/, ',"b":1,"10":12345678901234567890}');
    const { capturer, notices } = setup([new Response(raw, { headers: { 'content-type': 'application/json' } })]);
    await expect(capturer.captureUrl('https://chatgpt.com/c/c1')).resolves.toMatchObject({
      status: 'saved',
      id: 'c1',
      outcome: 'created',
    });
    expect(await db.conversations.get('c1')).toMatchObject({ accountId: 'user-u1', capturedBy: 'page' });
    expect((await getConversationBody(db, 'c1'))?.text).toBe(raw);
    expect(notices).toEqual([['Saved “Keeping chats”', 'saved']]);
  });

  it('should say "up to date", not "saved", when the archive already had this copy', async () => {
    const { capturer, notices } = setup([json(buildRawConversation('c1'))]);
    await capturer.captureConversation('c1');
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved', outcome: 'unchanged' });
    expect(notices).toEqual([
      ['Saved “Keeping chats”', 'saved'],
      ['Up to date “Keeping chats”', 'saved'],
    ]);
    expect(logLines).toContain('info [Lifeboat:capture] Already up to date: conversation c1 (2 messages, unchanged).');
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

  it('should let the background refuse a body that is not JSON', async () => {
    const { capturer } = setup([new Response('{"mapping": {', { headers: { 'content-type': 'application/json' } })]);
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^Conversation c1 was not saved: the answer is not valid JSON/),
    });
    expect(await db.conversations.count()).toBe(0);
  });

  it('should refuse a chat above the size cap in the tab, saying so, without sending it', async () => {
    const huge = `{"mapping":{},"pad":"${'x'.repeat(MAX_CONVERSATION_BYTES + 8 * 2 ** 20)}"}`;
    const { capturer, notices } = setup([new Response(huge, { headers: { 'content-type': 'application/json' } })]);
    const saves = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({
      status: 'failed',
      reason: 'Conversation c1 was not saved: it is 40.0 MB, more than the 32.0 MB Lifeboat keeps for one chat.',
    });
    expect(notices).toEqual([['Too large: 40.0 of 32.0 MB', 'problem']]);
    const sentSaves = saves.mock.calls.filter(
      ([message]) => (message as { type?: string }).type === 'saveConversation',
    );
    expect(sentSaves).toEqual([]);
    expect(await db.conversations.count()).toBe(0);
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
    const chatgpt = fakeChatGpt({ '/api/auth/session': [json({})] }, () => '', realGate());
    const capturer = capturerWith(chatgpt.api, { notice: { show: (...args) => notices.push(args), remove: () => {} } });
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'skipped' });
    expect(notices).toEqual([]);
    expect(logLines.filter((line) => line.startsWith('warn'))).toEqual([]);
  });

  it('should capture nothing when capture is switched off, and show no notice when notices are off', async () => {
    const off = setup([json(buildRawConversation('c1'))], { settings: { ...DEFAULT_SETTINGS, captureEnabled: false } });
    await expect(off.capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'skipped' });
    expect(off.fetches()).toBe(0);
    const quiet = setup([json(buildRawConversation('c1'))], {
      settings: { ...DEFAULT_SETTINGS, showCaptureNotice: false },
    });
    await expect(quiet.capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved' });
    expect(quiet.notices).toEqual([]);
  });

  it('should fetch a chat once when it is asked for twice at the same time', async () => {
    const { capturer, fetches } = setup([json(buildRawConversation('c1'))]);
    await Promise.all([capturer.captureConversation('c1'), capturer.captureConversation('c1')]);
    expect(fetches()).toBe(1);
  });

  it("should wait out a 429's Retry-After for every request, say how long, then save", async () => {
    const { capturer, notices } = setup([
      json({}, { status: 429, headers: { 'retry-after': '30' } }),
      json(buildRawConversation('c1')),
    ]);
    const started = clock;
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved', outcome: 'created' });
    expect(notices).toEqual([
      ['Waiting 30 s', 'problem'],
      ['Saved “Keeping chats”', 'saved'],
    ]);
    // The limiter held the retry for the whole 30 s.
    expect(clock - started).toBeGreaterThanOrEqual(30_000);
    expect(pacing.pausedUntil).toBeGreaterThan(0);
  });

  it('should give up after its retries when ChatGPT keeps rate limiting, and say so', async () => {
    const { capturer, notices, fetches } = setup([json({}, { status: 429, headers: { 'retry-after': '5' } })]);
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'failed', rateLimited: true });
    expect(fetches()).toBe(3);
    expect(notices.at(-1)).toEqual(['Busy', 'problem']);
  });

  it('should retry a timed-out request with a longer timeout and save it', async () => {
    const { capturer, fetches } = setup([
      () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')),
      json(buildRawConversation('c1')),
    ]);
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved' });
    expect(fetches()).toBe(2);
    expect(logLines.some((line) => /try 1: chatgpt.com did not answer conversation c1 within 30 s/.test(line))).toBe(
      true,
    );
  });

  it('should retry a 5xx but not a 404', async () => {
    const flaky = setup([json({}, { status: 503 }), json(buildRawConversation('c1'))]);
    await expect(flaky.capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved' });
    expect(flaky.fetches()).toBe(2);
    const missing = setup([json({ detail: 'Not found' }, { status: 404 })]);
    await expect(missing.capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'failed' });
    expect(missing.fetches()).toBe(1);
  });

  it('should file a chat under the account the request was sent as, even if the workspace changed during a 429 pause', async () => {
    let cookies = '_account=ws-1';
    // Another tab hit a 429: every request now waits 60 s. The user switches to their personal account meanwhile.
    const other = await limiter.acquire({ kind: 'conversation', timeoutMs: 30_000 }, 9);
    if (!other.granted) throw new Error('the other tab should get a slot');
    await limiter.release(other.leaseId, { status: 429, retryAfterSeconds: 60 });
    const waits: number[] = [];
    const gate = realGate({
      sleep: async (ms) => {
        waits.push(ms);
        cookies = '';
        clock += ms;
      },
    });
    const chatgpt = fakeChatGpt(
      {
        '/api/auth/session': [json(FAKE_SESSION)],
        [ACCOUNTS_PATH]: [json({ accounts: { 'ws-1': TEAM } })],
        '/backend-api/conversation/c1': [json(buildRawConversation('c1'))],
      },
      () => cookies,
      gate,
    );
    const capturer = capturerWith(chatgpt.api);
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved' });
    expect(waits).toContain(60_000);
    const sent = chatgpt.calls.filter((call) => call.path === '/backend-api/conversation/c1');
    expect(sent.map((call) => call.headers['chatgpt-account-id'])).toEqual([undefined]);
    expect(await db.conversations.get('c1')).toMatchObject({ accountId: 'user-u1', accountBasis: 'request' });
    expect(await db.accounts.toCollection().primaryKeys()).toEqual(['user-u1']);
  });

  it('should store a workspace chat under the workspace when another entry of the account list is malformed', async () => {
    const { capturer } = setup([json(buildRawConversation('c1'))], {
      cookies: () => '_account=ws-1',
      routes: {
        [ACCOUNTS_PATH]: [json({ accounts: { odd: { account: { account_id: null } }, 'ws-1': TEAM } })],
      },
    });
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'saved' });
    expect(await db.conversations.get('c1')).toMatchObject({ accountId: 'workspace-acc-team' });
  });

  it('should store nothing, say why and log the reason when the workspace entry has a null account_id', async () => {
    const { capturer, notices, fetches } = setup([json(buildRawConversation('c1'))], {
      cookies: () => '_account=ws-1',
      routes: { [ACCOUNTS_PATH]: [json({ accounts: { 'ws-1': { account: { account_id: null, name: 'Team' } } } })] },
    });
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'failed' });
    expect(fetches()).toBe(0);
    expect(await db.conversations.count()).toBe(0);
    expect(notices).toEqual([['Unknown workspace', 'problem']]);
    expect(logLines.at(-1)).toMatch(/^warn \[Lifeboat:capture\] Conversation c1 was not saved: Workspace ws-1/);
  });

  it('should neither fetch nor announce a chat the user left before its turn', async () => {
    let answerA = () => {};
    const aAnswered = new Promise<void>((resolve) => {
      answerA = resolve;
    });
    const chatgpt = fakeChatGpt(
      {
        '/api/auth/session': [json(FAKE_SESSION)],
        '/backend-api/conversation/a': [async () => aAnswered.then(() => json(buildRawConversation('a')))],
        '/backend-api/conversation/b': [json(buildRawConversation('b'))],
        '/backend-api/conversation/c': [json(buildRawConversation('c'))],
      },
      () => '',
      realGate(),
    );
    const notices: string[] = [];
    const capturer = capturerWith(chatgpt.api, { notice: { show: (text) => notices.push(text), remove: () => {} } });
    current = 'a';
    const a = capturer.captureConversation('a');
    await vi.waitFor(() => expect(chatgpt.calls.map((call) => call.path)).toContain('/backend-api/conversation/a'));
    current = 'b';
    const b = capturer.captureConversation('b');
    current = 'c';
    const c = capturer.captureConversation('c');
    const beforeC = clock;
    answerA();
    // a was already on its way when the user moved on: it is saved quietly. b was left in the queue.
    await expect(a).resolves.toMatchObject({ status: 'saved' });
    await expect(b).resolves.toMatchObject({ status: 'skipped' });
    await expect(c).resolves.toMatchObject({ status: 'saved' });
    expect(chatgpt.calls.map((call) => call.path).filter((path) => path.includes('/conversation/'))).toEqual([
      '/backend-api/conversation/a',
      '/backend-api/conversation/c',
    ]);
    expect(notices).toEqual(['Saved “Keeping chats”']);
    // The background's gap after a conversation request (900 ms after one clean answer) held c back.
    expect(clock - beforeC).toBeGreaterThanOrEqual(900);
  });

  it('should stop when the content script is invalidated, even while waiting for a slot', async () => {
    let active = true;
    const chatgpt = fakeChatGpt(
      { '/api/auth/session': [json(FAKE_SESSION)] },
      () => '',
      realGate({ isActive: () => active }),
    );
    const capturer = capturerWith(chatgpt.api, { isActive: () => active });
    active = false;
    await expect(capturer.captureConversation('c1')).resolves.toMatchObject({ status: 'skipped' });
    expect(chatgpt.calls).toEqual([]);
  });

  it('should ignore URLs that are not a chat', () => {
    const { capturer } = setup([json(buildRawConversation('c1'))]);
    expect(capturer.captureUrl('https://chatgpt.com/share/c1')).toBeUndefined();
  });
});
