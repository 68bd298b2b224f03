import { describe, expect, it } from 'vitest';
import {
  conversationIdOf,
  createModelChatGptBackend,
  loadOwnFixtures,
  loadSharedFixtures,
  MODEL_ACCESS_TOKEN,
  MODEL_ACCOUNT_ID,
  MODEL_USER,
  MODEL_WORKSPACE_ACCOUNT_ID,
  type ModelChatGptBackend,
  type ModelResponse,
  SHARED_FIXTURES_DIR,
} from '../../e2e/model-chatgpt/backend';

const OWN_IDS = {
  branches: 'e88b7591-31db-4e32-98dc-b35f94c662cd',
  codeInterpreter: '780c4b16-a510-49fa-a2b2-bbd1c38dbe31',
  imageUpload: 'bd8ec9a1-f803-45ed-bd7c-9ec7081ab44d',
  reasoning: 'e4039782-67e5-43c9-ae73-35a01662e2ce',
  legacy: '4ca67353-d824-444b-81c1-56cf264ca243',
};
const AUTH = { authorization: `Bearer ${MODEL_ACCESS_TOKEN}` };

type Answer = Extract<ModelResponse, { status: number }>;

function ownOnly(): ModelChatGptBackend {
  return createModelChatGptBackend({ includeSharedFixtures: false });
}

async function get(backend: ModelChatGptBackend, url: string, headers: Record<string, string> = AUTH): Promise<Answer> {
  const response = await backend.handle({ method: 'GET', url, headers });
  if ('abort' in response) throw new Error(`${url} was aborted`);
  return response;
}

function conversationWith(id: string, updateTime: number, extra: Record<string, unknown> = {}) {
  return {
    conversation_id: id,
    id,
    title: `Chat ${id}`,
    create_time: updateTime - 60,
    update_time: updateTime,
    ...extra,
  };
}

describe('model chatgpt.com backend', () => {
  it('should load the five own fixtures under their conversation ids', () => {
    expect(loadOwnFixtures().map((conversation) => conversationIdOf(conversation))).toEqual(Object.values(OWN_IDS));
    expect([...ownOnly().conversations.keys()]).toEqual(Object.values(OWN_IDS));
  });

  it('should hand out the session and access token while signed in, and {} after signing out', async () => {
    const backend = ownOnly();
    const signedIn = JSON.parse((await get(backend, 'https://chatgpt.com/api/auth/session', {})).body);
    expect(signedIn).toMatchObject({ accessToken: MODEL_ACCESS_TOKEN, authProvider: 'auth0', user: MODEL_USER });
    expect(Date.parse(signedIn.expires)).toBeGreaterThan(Date.now());

    backend.signOut();
    expect(JSON.parse((await get(backend, 'https://chatgpt.com/api/auth/session', {})).body)).toEqual({});
    expect((await get(backend, 'https://chatgpt.com/backend-api/conversations')).status).toBe(401);
    backend.signIn();
    expect((await get(backend, 'https://chatgpt.com/backend-api/conversations')).status).toBe(200);
  });

  it.each([
    ['no authorization header', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['a token without the Bearer prefix', { authorization: MODEL_ACCESS_TOKEN }],
  ])('should answer 401 to /backend-api/* with %s', async (_, headers) => {
    const response = await get(ownOnly(), `https://chatgpt.com/backend-api/conversation/${OWN_IDS.branches}`, headers);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ detail: 'Unauthorized' });
  });

  it('should accept the authorization header in any case, on both origins', async () => {
    const backend = ownOnly();
    const headers = { Authorization: `Bearer ${MODEL_ACCESS_TOKEN}` };
    expect((await get(backend, 'https://chatgpt.com/backend-api/conversations', headers)).status).toBe(200);
    expect((await get(backend, 'https://chat.openai.com/backend-api/conversations', headers)).status).toBe(200);
    expect(backend.requests.map((request) => request.headers.authorization)).toEqual([
      headers.Authorization,
      headers.Authorization,
    ]);
  });

  it('should page through the list newest first with ISO times and null mappings', async () => {
    const backend = createModelChatGptBackend({
      includeOwnFixtures: false,
      includeSharedFixtures: false,
      conversations: Array.from({ length: 30 }, (_, i) => conversationWith(`c-${i}`, 1_760_000_000.25 + i * 100)),
    });
    const first = JSON.parse(
      (await get(backend, 'https://chatgpt.com/backend-api/conversations?offset=0&limit=28')).body,
    );
    expect(first).toMatchObject({ total: 30, limit: 28, offset: 0, has_missing_conversations: false });
    expect(first.items).toHaveLength(28);
    expect(first.items[0]).toMatchObject({ id: 'c-29', title: 'Chat c-29', mapping: null, current_node: null });
    expect(first.items[0].update_time).toBe('2025-10-09T09:41:40.250000+00:00');
    expect(first.items[0]).toMatchObject({ is_archived: false, workspace_id: null, pinned_time: null, gizmo_id: null });

    const second = JSON.parse(
      (await get(backend, 'https://chatgpt.com/backend-api/conversations?offset=28&limit=28')).body,
    );
    expect(second.items.map((item: { id: string }) => item.id)).toEqual(['c-1', 'c-0']);

    const defaults = JSON.parse(
      (await get(backend, 'https://chatgpt.com/backend-api/conversations?order=updated')).body,
    );
    expect(defaults).toMatchObject({ limit: 28, offset: 0 });
  });

  it('should answer 422 with a validation detail when limit is above 100', async () => {
    const backend = ownOnly();
    const tooMany = await get(backend, 'https://chatgpt.com/backend-api/conversations?offset=0&limit=101');
    expect(tooMany.status).toBe(422);
    expect(JSON.parse(tooMany.body).detail[0]).toMatchObject({ type: 'less_than_equal', loc: ['query', 'limit'] });
    expect((await get(backend, 'https://chatgpt.com/backend-api/conversations?offset=0&limit=100')).status).toBe(200);
    expect((await get(backend, 'https://chatgpt.com/backend-api/conversations?limit=ten')).status).toBe(422);
  });

  it('should list archived chats only when asked with is_archived=true', async () => {
    const backend = createModelChatGptBackend({
      includeOwnFixtures: false,
      includeSharedFixtures: false,
      conversations: [
        conversationWith('kept', 1_760_000_000),
        conversationWith('old', 1_760_000_100, { is_archived: true }),
      ],
    });
    const ids = async (url: string) =>
      JSON.parse((await get(backend, url)).body).items.map((item: { id: string }) => item.id);
    expect(await ids('https://chatgpt.com/backend-api/conversations')).toEqual(['kept']);
    expect(await ids('https://chatgpt.com/backend-api/conversations?is_archived=true')).toEqual(['old']);
  });

  it('should serve a conversation as the exact JSON text of the stored object', async () => {
    const backend = ownOnly();
    for (const id of Object.values(OWN_IDS)) {
      const response = await get(backend, `https://chatgpt.com/backend-api/conversation/${id}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json');
      expect(response.body).toBe(backend.servedBody(id));
      expect(response.body).toBe(JSON.stringify(backend.conversations.get(id)));
    }
    // The 2023 shape comes without a top-level id, as the real endpoint sometimes does.
    expect(JSON.parse(backend.servedBody(OWN_IDS.legacy))).not.toHaveProperty('id');
  });

  it('should serve a changed conversation after the stored object changes', async () => {
    const backend = ownOnly();
    const stored = backend.conversations.get(OWN_IDS.branches) as Record<string, unknown>;
    stored.title = 'renamed';
    const body = (await get(backend, `https://chatgpt.com/backend-api/conversation/${OWN_IDS.branches}`)).body;
    expect(JSON.parse(body).title).toBe('renamed');
  });

  it("should answer 404 Can't load conversation for an unknown id", async () => {
    const response = await get(ownOnly(), 'https://chatgpt.com/backend-api/conversation/not-there');
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ detail: "Can't load conversation not-there" });
    expect(() => ownOnly().servedBody('not-there')).toThrow();
  });

  it('should fire a fault the given number of times, then answer normally', async () => {
    const backend = ownOnly();
    backend.addFault('/backend-api/conversation/', { status: 429, retryAfterSeconds: 7, times: 2 });
    const url = `https://chatgpt.com/backend-api/conversation/${OWN_IDS.reasoning}`;
    const first = await get(backend, url);
    expect(first).toMatchObject({ status: 429, headers: { 'retry-after': '7', 'content-type': 'application/json' } });
    expect(JSON.parse(first.body).detail).toMatch(/too many requests/i);
    expect((await get(backend, url)).status).toBe(429);
    expect((await get(backend, url)).status).toBe(200);
    // The list path does not contain "/conversation/" and was never affected.
    expect((await get(backend, 'https://chatgpt.com/backend-api/conversations')).status).toBe(200);
  });

  it('should serve custom fault bodies, content types and aborts, matched by RegExp', async () => {
    const backend = ownOnly();
    backend.addFault(/conversations\?/, {
      status: 502,
      body: '<html><body>Bad gateway</body></html>',
      contentType: 'text/html',
    });
    backend.addFault('/api/auth/session', { status: 200, body: '{"accessToken":', contentType: 'application/json' });
    backend.addFault('/backend-api/accounts', { abort: true });
    const list = await get(backend, 'https://chatgpt.com/backend-api/conversations?offset=0&limit=5');
    expect(list).toEqual({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Bad gateway</body></html>',
    });
    expect((await get(backend, 'https://chatgpt.com/api/auth/session')).body).toBe('{"accessToken":');
    expect(
      await backend.handle({
        method: 'GET',
        url: 'https://chatgpt.com/backend-api/accounts/check/v4-2023-04-27',
        headers: AUTH,
      }),
    ).toEqual({ abort: true });
  });

  it('should delay /backend-api answers by the latency', async () => {
    const backend = ownOnly();
    backend.setLatency(60);
    const started = performance.now();
    await get(backend, 'https://chatgpt.com/backend-api/conversations');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('should describe the personal account, plus a team workspace when asked', async () => {
    const url = 'https://chatgpt.com/backend-api/accounts/check/v4-2023-04-27';
    const personal = JSON.parse((await get(ownOnly(), url)).body);
    expect(personal.account_ordering).toEqual([MODEL_ACCOUNT_ID]);
    expect(personal.accounts.default.account).toMatchObject({
      account_id: MODEL_ACCOUNT_ID,
      account_user_role: 'account-owner',
      structure: 'personal',
      plan_type: 'plus',
      is_deactivated: false,
      name: null,
    });
    const team = JSON.parse(
      (await get(createModelChatGptBackend({ includeSharedFixtures: false, workspace: true }), url)).body,
    );
    expect(team.account_ordering).toEqual([MODEL_ACCOUNT_ID, MODEL_WORKSPACE_ACCOUNT_ID]);
    expect(team.accounts[MODEL_WORKSPACE_ACCOUNT_ID].account).toMatchObject({
      account_id: MODEL_WORKSPACE_ACCOUNT_ID,
      structure: 'workspace',
      plan_type: 'team',
      name: 'Model Team',
    });
  });

  it('should store added conversations under conversation_id, id, or a new UUID', () => {
    const backend = createModelChatGptBackend({ includeOwnFixtures: false, includeSharedFixtures: false });
    expect(backend.addConversation({ conversation_id: 'a', id: 'b' })).toBe('a');
    expect(backend.addConversation({ id: 'b' })).toBe('b');
    expect(backend.addConversation({}, 'chosen')).toBe('chosen');
    expect(backend.addConversation({})).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  const shared = loadSharedFixtures();
  const sharedTitle = 'should serve the real samples from ../shared/fixtures/chatgpt when that folder exists';
  it.skipIf(!shared.available)(
    shared.available ? sharedTitle : `${sharedTitle} (skipped: ${shared.reason})`,
    async () => {
      const backend = createModelChatGptBackend();
      expect(shared.conversations.length).toBeGreaterThan(0);
      for (const conversation of shared.conversations) {
        const id = conversationIdOf(conversation);
        expect(id, `a shared fixture in ${SHARED_FIXTURES_DIR} has no id`).toBeDefined();
        const response = await get(backend, `https://chatgpt.com/backend-api/conversation/${id}`);
        expect(JSON.parse(response.body)).toEqual(conversation);
      }
      expect(backend.conversations.size).toBe(shared.conversations.length + Object.keys(OWN_IDS).length);
    },
  );
});
