import { describe, expect, it } from 'vitest';
import { ChatGptApiError } from '@/utils/capture/chatgpt-api';
import { buildRawConversation } from '../../../factories';
import { FAKE_SESSION, type FakeAnswer, fakeChatGpt, json } from '../../../fake-chatgpt-fetch';

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
  it('should fetch a conversation with the bearer token and return its JSON untouched', async () => {
    const raw = buildRawConversation('c1', undefined, { unknown_future_field: [1, { a: null }] });
    const { api, calls } = fakeChatGpt({ '/api/auth/session': [json(SESSION)], [CONVERSATION_PATH]: [json(raw)] });
    expect(await api.getConversation('c1')).toEqual(raw);
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

  it('should fall back to the personal account for a workspace cookie it cannot find', async () => {
    const { api } = fakeChatGpt(
      { '/api/auth/session': [json(SESSION)], [ACCOUNTS_PATH]: [json(ACCOUNTS)] },
      () => '_account=%20gone%20; other=1',
    );
    expect(await api.getAccount()).toEqual({ id: 'user-u1', label: 'Min', kind: 'personal' });
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
    await expect(api.getConversation('c1')).resolves.toMatchObject({ conversation_id: 'c1' });
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
    [
      'invalid JSON',
      () => new Response('{"mapping": {', { headers: { 'content-type': 'application/json' } }),
      'invalid-json',
      /invalid JSON/,
    ],
    ['a server error', () => json({ detail: 'boom' }, { status: 502 }), 'http', /HTTP 502/],
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

  it('should report the Retry-After of a 429', async () => {
    const { api } = fakeChatGpt({
      '/api/auth/session': [json(SESSION)],
      [CONVERSATION_PATH]: [json({}, { status: 429, headers: { 'retry-after': '7' } })],
    });
    await expect(api.getConversation('c1')).rejects.toMatchObject({ status: 429, retryAfterSeconds: 7 });
  });
});
