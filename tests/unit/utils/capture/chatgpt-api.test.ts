import { describe, expect, it, vi } from 'vitest';
import { ChatGptApiError, conversationTimeoutMs, createChatGptApi } from '@/utils/capture/chatgpt-api';
import type { RequestGate } from '@/utils/capture/request-gate';
import { buildRawConversation } from '../../../factories';
import { FAKE_SESSION, type FakeAnswer, fakeChatGpt, json, openGate } from '../../../fake-chatgpt-fetch';

const SESSION = FAKE_SESSION;
const ACCOUNTS = {
  accounts: {
    default: { account: { account_id: 'acc-personal', structure: 'personal', name: null } },
    'ws-1': { account: { account_id: 'acc-team', structure: 'workspace', name: 'Team Room' } },
  },
  account_ordering: ['acc-personal', 'acc-team'],
};
const ACCOUNTS_PATH = '/backend-api/accounts/check/v4-2023-04-27';
const CONVERSATION_PATH = '/backend-api/conversation/c1';

describe('createChatGptApi', () => {
  it('should fetch a conversation with the bearer token and return its body text byte for byte', async () => {
    // Key order a parse would change ("10" after "b") and an integer a parse would round.
    const body = '{"b":1,"10":2,"big":12345678901234567890,"conversation_id":"c1","mapping":{}}';
    const { api, calls } = fakeChatGpt({
      '/api/auth/session': [json(SESSION)],
      [CONVERSATION_PATH]: [new Response(body, { headers: { 'content-type': 'application/json' } })],
    });
    const fetched = await api.getConversation('c1');
    expect(fetched.body).toBe(body);
    expect(fetched.account).toEqual({ id: 'user-u1', label: 'Min', kind: 'personal' });
    expect(calls.at(-1)?.headers.authorization).toBe('Bearer secret-token-1');
    expect(calls.at(-1)?.headers['chatgpt-account-id']).toBeUndefined();
  });

  it('should use the personal account when no workspace cookie is set', async () => {
    const { api, calls } = fakeChatGpt({ '/api/auth/session': [json(SESSION)] });
    expect(await api.getAccount()).toEqual({ id: 'user-u1', label: 'Min', kind: 'personal' });
    expect(calls.map((c) => c.path)).toEqual(['/api/auth/session']);
  });

  it('should scope to the active workspace and send its account id header', async () => {
    const { api, calls } = fakeChatGpt(
      {
        '/api/auth/session': [json(SESSION)],
        [ACCOUNTS_PATH]: [json(ACCOUNTS)],
        [CONVERSATION_PATH]: [json(buildRawConversation('c1'))],
      },
      () => 'oai-did=abc; _account=ws-1',
    );
    expect(await api.getAccount()).toEqual({ id: 'workspace-acc-team', label: 'Team Room', kind: 'workspace' });
    await api.getConversation('c1');
    expect(calls.at(-1)?.headers['chatgpt-account-id']).toBe('acc-team');
  });

  it('should notice a workspace switch in the same tab', async () => {
    let cookies = '';
    const { api } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(ACCOUNTS)] },
      () => cookies,
    );
    expect((await api.getAccount()).id).toBe('user-u1');
    cookies = '_account=ws-1';
    expect((await api.getAccount()).id).toBe('workspace-acc-team');
    cookies = '_account=personal';
    expect((await api.getAccount()).id).toBe('user-u1');
  });

  it('should refuse to guess the account for a workspace cookie it cannot find, and fetch nothing', async () => {
    const { api, calls } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(ACCOUNTS)] },
      () => '_account=%20gone%20; other=1',
    );
    await expect(api.getAccount()).rejects.toMatchObject({
      kind: 'account-unknown',
      message: expect.stringMatching(/Workspace {2}gone , which this tab uses, is not in chatgpt.com's account list/),
    });
    await expect(api.getConversation('c1')).rejects.toMatchObject({ kind: 'account-unknown' });
    expect(calls.some((call) => call.path === CONVERSATION_PATH)).toBe(false);
  });

  it('should skip a malformed entry in the account list instead of failing the whole list', async () => {
    const accounts = {
      accounts: {
        broken: { account: { account_id: null, structure: 'workspace', name: 'Half' } },
        'ws-1': ACCOUNTS.accounts['ws-1'],
      },
    };
    const { api, calls } = fakeChatGpt(
      {
        '/api/auth/session': [json(SESSION)],
        [ACCOUNTS_PATH]: [json(accounts)],
        [CONVERSATION_PATH]: [json(buildRawConversation('c1'))],
      },
      () => '_account=ws-1',
    );
    const fetched = await api.getConversation('c1');
    expect(fetched.account).toEqual({ id: 'workspace-acc-team', label: 'Team Room', kind: 'workspace' });
    expect(calls.at(-1)?.headers['chatgpt-account-id']).toBe('acc-team');
  });

  it("should not file a workspace's chat under the personal account when its own entry has a null account_id", async () => {
    const accounts = { accounts: { 'ws-1': { account: { account_id: null, structure: 'workspace', name: 'Team' } } } };
    const { api, calls } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(accounts)] },
      () => '_account=ws-1',
    );
    await expect(api.getConversation('c1')).rejects.toMatchObject({
      kind: 'account-unknown',
      message: expect.stringContaining('1 of its entries were unreadable'),
    });
    expect(calls.some((call) => call.path === CONVERSATION_PATH)).toBe(false);
  });

  it('should not guess for an entry that is neither personal nor a workspace', async () => {
    const accounts = { accounts: { 'ws-1': { account: { account_id: 'acc-x', name: 'Odd' } } } };
    const { api } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(accounts)] },
      () => '_account=ws-1',
    );
    await expect(api.getAccount()).rejects.toMatchObject({
      kind: 'account-unknown',
      message: expect.stringContaining('neither personal nor a workspace'),
    });
  });

  it('should read a workspace cookie that is not valid percent-encoding as it is', async () => {
    const accounts = { accounts: { '%E0%A4': ACCOUNTS.accounts['ws-1'] } };
    const { api } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(accounts)] },
      () => '_account=%E0%A4',
    );
    expect((await api.getAccount()).id).toBe('workspace-acc-team');
  });

  it('should find a workspace by its account_id when the list is keyed otherwise', async () => {
    const { api } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(ACCOUNTS)] },
      () => '_account=acc-team',
    );
    expect((await api.getAccount()).id).toBe('workspace-acc-team');
  });

  it('should record the account the request was sent as when the workspace changes while it waits for a slot', async () => {
    let cookies = '_account=ws-1';
    const inner = openGate();
    // The user switches to their personal account while the conversation request waits its turn (a 429 pause).
    const gate: RequestGate = {
      async acquire(kind, timeoutMs) {
        const lease = await inner.acquire(kind, timeoutMs);
        if (kind === 'conversation' && cookies === '_account=ws-1') cookies = '';
        return lease;
      },
    };
    const { api, calls } = fakeChatGpt(
      {
        '/api/auth/session': [json(SESSION)],
        [ACCOUNTS_PATH]: [json(ACCOUNTS)],
        [CONVERSATION_PATH]: [json(buildRawConversation('c1'))],
      },
      () => cookies,
      gate,
    );
    const fetched = await api.getConversation('c1');
    const sent = calls.filter((call) => call.path === CONVERSATION_PATH);
    // The slot taken for the workspace was handed back unused; the one request went out as the personal account.
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['chatgpt-account-id']).toBeUndefined();
    expect(fetched.account.id).toBe('user-u1');
    expect(inner.leases.filter((lease) => lease.kind === 'conversation').map((lease) => lease.result)).toEqual([
      { failure: 'skipped' },
      { status: 200 },
    ]);
  });

  it('should give up with a clear reason when the account keeps changing under it', async () => {
    let flip = false;
    const gate: RequestGate = {
      async acquire(kind, timeoutMs) {
        const lease = await openGate().acquire(kind, timeoutMs);
        if (kind === 'conversation') flip = !flip;
        return lease;
      },
    };
    const { api, calls } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(ACCOUNTS)] },
      () => (flip ? '' : '_account=ws-1'),
      gate,
    );
    await expect(api.getConversation('c1')).rejects.toMatchObject({ kind: 'account-changed' });
    expect(calls.some((call) => call.path === CONVERSATION_PATH)).toBe(false);
  });

  it('should ask again when the personal account switched to a workspace during the request', async () => {
    let cookies = '';
    const { api, calls } = fakeChatGpt(
      {
        '/api/auth/session': [json(SESSION)],
        [ACCOUNTS_PATH]: [json(ACCOUNTS)],
        [CONVERSATION_PATH]: [
          () => {
            // Without a header chatgpt.com may answer by the cookie, which changes mid-request.
            cookies = '_account=ws-1';
            return json(buildRawConversation('c1'));
          },
        ],
      },
      () => cookies,
    );
    const fetched = await api.getConversation('c1');
    const sent = calls.filter((call) => call.path === CONVERSATION_PATH);
    expect(sent.map((call) => call.headers['chatgpt-account-id'])).toEqual([undefined, 'acc-team']);
    expect(fetched.account.id).toBe('workspace-acc-team');
  });

  it('should make every request under a slot and hand each slot back with its result', async () => {
    const gate = openGate();
    const { api } = fakeChatGpt(
      {
        '/api/auth/session': [json(SESSION)],
        [ACCOUNTS_PATH]: [json(ACCOUNTS)],
        [CONVERSATION_PATH]: [json({}, { status: 429, headers: { 'retry-after': '30' } })],
      },
      () => '_account=ws-1',
      gate,
    );
    await expect(api.getConversation('c1')).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(gate.leases).toEqual([
      { kind: 'session', result: { status: 200 } },
      { kind: 'accounts', result: { status: 200 } },
      { kind: 'conversation', result: { status: 429, retryAfterSeconds: 30 } },
    ]);
  });

  it('should time out a request that never answers, hand its slot back and say so', async () => {
    vi.useFakeTimers();
    try {
      const gate = openGate();
      const { api } = fakeChatGpt(
        {
          '/api/auth/session': [json(SESSION)],
          // A connection that hangs and ignores the abort signal: the fallback timer must still end the wait.
          [CONVERSATION_PATH]: [() => new Promise<Response>(() => {})],
        },
        () => '',
        gate,
      );
      const pending = api.getConversation('c1').catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(conversationTimeoutMs(0));
      expect(await pending).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/within 30 s/) });
      expect(gate.leases.at(-1)).toEqual({ kind: 'conversation', result: { failure: 'timeout' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('should cancel a hung request through its abort signal at the timeout', async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | undefined;
      const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/api/auth/session')) return json(SESSION);
        signal = init?.signal ?? undefined;
        return new Promise<Response>((_, reject) => {
          signal?.addEventListener('abort', () => reject(signal?.reason));
        });
      }) as typeof globalThis.fetch;
      const api = createChatGptApi({ fetch, origin: 'https://chatgpt.com', readCookies: () => '', gate: openGate() });
      const pending = api.getConversation('c1', { attempt: 1 }).catch((error: unknown) => error);
      await vi.advanceTimersByTimeAsync(59_900);
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(signal?.aborted).toBe(true);
      expect(await pending).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/within 60 s/) });
    } finally {
      vi.useRealTimers();
    }
  });

  it('should lengthen the timeout of each retry, up to a cap', () => {
    expect([0, 1, 2, 3].map(conversationTimeoutMs)).toEqual([30_000, 60_000, 120_000, 120_000]);
  });

  it('should re-read the account after a 401: the user may have signed in as someone else', async () => {
    const { api } = fakeChatGpt({
      '/api/auth/session': [json(SESSION), json({ ...SESSION, accessToken: 'secret-token-2', user: { id: 'u2' } })],
      [CONVERSATION_PATH]: [json({ detail: 'expired' }, { status: 401 }), json(buildRawConversation('c1'))],
    });
    expect((await api.getAccount()).id).toBe('user-u1');
    await api.getConversation('c1');
    expect(await api.getAccount()).toEqual({ id: 'user-u2', label: '', kind: 'personal' });
  });

  it('should say nobody is signed in when the session is empty', async () => {
    const { api } = fakeChatGpt({ '/api/auth/session': [json({})] });
    await expect(api.getAccount()).rejects.toMatchObject({ kind: 'signed-out' });
  });

  it('should fetch a fresh session once when the token has expired', async () => {
    const { api, calls } = fakeChatGpt({
      '/api/auth/session': [json(SESSION), json({ ...SESSION, accessToken: 'secret-token-2' })],
      [CONVERSATION_PATH]: [json({ detail: 'expired' }, { status: 401 }), json(buildRawConversation('c1'))],
    });
    await expect(api.getConversation('c1')).resolves.toMatchObject({ body: expect.stringContaining('"c1"') });
    expect(calls.filter((c) => c.path === CONVERSATION_PATH).map((c) => c.headers.authorization)).toEqual([
      'Bearer secret-token-1',
      'Bearer secret-token-2',
    ]);
  });

  it.each([
    [
      'an HTML error page',
      () => new Response('<!doctype html><h1>502</h1>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'not-json',
      /HTML page instead of JSON \(HTTP 200, text\/html\)/,
    ],
    [
      'HTML labelled as JSON',
      () => new Response('<html>oops</html>', { headers: { 'content-type': 'application/json' } }),
      'not-json',
      /HTML page/,
    ],
    ['a server error', () => json({ detail: 'boom' }, { status: 502 }), 'http', /HTTP 502/],
    [
      'a timeout',
      () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')),
      'timeout',
      /did not answer conversation c1 within 30 s/,
    ],
    [
      'a rate limit',
      () =>
        json(
          { detail: 'Too many requests in 1 minute. Try again later.' },
          { status: 429, headers: { 'retry-after': '42' } },
        ),
      'rate-limited',
      /wait 42 s/,
    ],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'network',
      /Could not reach chatgpt.com/,
    ],
  ])('should explain %s', async (_label, answer, kind, message) => {
    const { api } = fakeChatGpt({ '/api/auth/session': [json(SESSION)], [CONVERSATION_PATH]: [answer as FakeAnswer] });
    const error = await api.getConversation('c1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatGptApiError);
    expect(error).toMatchObject({ kind, message: expect.stringMatching(message) });
    expect((error as Error).message).not.toContain('secret-token');
  });

  it('should explain a session answer that is not JSON', async () => {
    const { api } = fakeChatGpt({
      '/api/auth/session': [new Response('{"user": {', { headers: { 'content-type': 'application/json' } })],
    });
    await expect(api.getAccount()).rejects.toMatchObject({ kind: 'invalid-json', message: /invalid JSON/ });
  });

  it('should report the Retry-After of a 429', async () => {
    const { api } = fakeChatGpt({
      '/api/auth/session': [json(SESSION)],
      [CONVERSATION_PATH]: [json({}, { status: 429, headers: { 'retry-after': '7' } })],
    });
    await expect(api.getConversation('c1')).rejects.toMatchObject({ status: 429, retryAfterSeconds: 7 });
  });
});
