import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getComposerScript, renderModelPage } from './pages';

/** One request as a browser transport saw it; header names may come in any case. */
export interface ModelRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  postData?: string | null;
}

/** What the transport should answer: a full response, or a failed connection. */
export type ModelResponse = { status: number; headers: Record<string, string>; body: string } | { abort: true };

/** A scripted failure for the next matching requests. */
export interface Fault {
  /** HTTP status; 500 when neither this nor `abort` is set. */
  status?: number;
  /** Sent as the `retry-after` header. */
  retryAfterSeconds?: number;
  /** Response text; a JSON `{"detail": …}` fitting the status when omitted. */
  body?: string;
  /** `application/json` when omitted. */
  contentType?: string;
  /** Fail the connection instead of answering. */
  abort?: boolean;
  /** Hold the answer this long first (a hung connection when longer than the client's timeout). */
  delayMs?: number;
  /** How many matching requests get this fault (default 1). */
  times?: number;
}

/** The fake chatgpt.com: state plus one transport-independent request handler. */
export interface ModelChatGptBackend {
  /** Answers any request for the two ChatGPT origins: pages, the composer script, `/api/*`, `/backend-api/*`. */
  handle(request: ModelRequest): Promise<ModelResponse>;
  /** Conversation id -> the object served as JSON; change it to change what the next request gets. */
  conversations: Map<string, unknown>;
  /** The exact text `/backend-api/conversation/<id>` serves now. Throws for an unknown id. */
  servedBody(id: string): string;
  /** Serves `text` verbatim for conversation `id` (its bytes, key order and big integers untouched). */
  setServedBody(id: string, text: string): void;
  /** The most `/api/*` and `/backend-api/*` requests that were ever being answered at the same time. */
  maxConcurrentApiRequests(): number;
  /** Every request seen, in order, with lower-cased header names. */
  requests: ModelRequest[];
  /** Delays every `/backend-api/*` answer (faults included) by `ms`. */
  setLatency(ms: number): void;
  /** The next `fault.times` requests whose path and query match answer `fault`; a string matches as a substring. */
  addFault(pathPattern: RegExp | string, fault: Fault): void;
  /** Signed out: the session is `{}`, `/backend-api/*` answers 401 and pages show the login buttons. */
  signOut(): void;
  /** Signs the model user back in. */
  signIn(): void;
  /** Stores a conversation under `id`, else its `conversation_id`, else its `id`, else a new UUID; returns the id. */
  addConversation(conversation: Record<string, unknown>, id?: string): string;
}

/** Options for `createModelChatGptBackend`. */
export interface ModelChatGptOptions {
  /** Extra conversations, added after the fixtures. */
  conversations?: Record<string, unknown>[];
  /** Serve `tests/fixtures/chatgpt/*.json` (default true). */
  includeOwnFixtures?: boolean;
  /** Serve the unlicensed real samples from `../shared/fixtures/chatgpt` when that folder exists (default true). */
  includeSharedFixtures?: boolean;
  /** Add a team workspace to the accounts check. */
  workspace?: boolean;
}

/** The origins the model serves. */
export const MODEL_ORIGINS = ['https://chatgpt.com', 'https://chat.openai.com'] as const;

/** Personal account id of the model user. */
export const MODEL_ACCOUNT_ID = '5d0e8c3a-7f41-4b9e-a2d6-93c1e07b4f58';
/** Team workspace id, present in the accounts check when the backend was created with `workspace: true`. */
export const MODEL_WORKSPACE_ACCOUNT_ID = 'b2f6a941-3c8d-4e07-9a15-6d4e2c8f0b73';

const ISSUED_AT = 1764547200;

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The signed-in model user, in the `/api/auth/session` shape. */
export const MODEL_USER = {
  id: 'user-Mq7XkR2vLp9TfB4nWc8sYd3H',
  name: 'Model User',
  email: 'model.user@example.com',
  image: 'https://chatgpt.com/__model/avatar.png',
  picture: 'https://chatgpt.com/__model/avatar.png',
  idp: 'auth0',
  iat: ISSUED_AT,
  mfa: false,
  groups: [] as string[],
  intercom_hash: '4e9f1c0b7a2d58e3961fa0c4b8d27e5f30a6c91d4b7e2f85a0c3d9e6b1f47a28',
};

/** The access token the session hands out; shaped like a JWT so code that decodes one still works. */
export const MODEL_ACCESS_TOKEN = [
  base64url({ alg: 'RS256', typ: 'JWT', kid: 'model' }),
  base64url({
    aud: ['https://api.openai.com/v1'],
    iss: 'https://auth.openai.com',
    sub: 'auth0|model-user',
    iat: ISSUED_AT,
    exp: ISSUED_AT + 10 * 365 * 24 * 3600,
    'https://api.openai.com/auth': { user_id: MODEL_USER.id },
  }),
  'bW9kZWwtY2hhdGdwdC1zaWduYXR1cmU',
].join('.');

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OWN_FIXTURES_DIR = path.join(REPO_ROOT, 'tests/fixtures/chatgpt');
/** Where the unlicensed real samples live on the team's machines; they are read there and never copied. */
export const SHARED_FIXTURES_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/chatgpt');

const DEFAULT_LIST_LIMIT = 28;
const MAX_LIST_LIMIT = 100;
const JSON_TYPE = 'application/json';

function readJsonFiles(dir: string): Record<string, unknown>[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>);
}

/** Lifeboat's own conversation fixtures, freshly parsed (callers may mutate them). */
export function loadOwnFixtures(): Record<string, unknown>[] {
  return readJsonFiles(OWN_FIXTURES_DIR);
}

/** The real samples beside the repository, or `available: false` with the reason when they are not there. */
export function loadSharedFixtures(): {
  available: boolean;
  reason?: string;
  conversations: Record<string, unknown>[];
} {
  if (!existsSync(SHARED_FIXTURES_DIR)) {
    return { available: false, reason: `${SHARED_FIXTURES_DIR} does not exist`, conversations: [] };
  }
  const conversations = readJsonFiles(SHARED_FIXTURES_DIR);
  if (conversations.length === 0) {
    return { available: false, reason: `${SHARED_FIXTURES_DIR} holds no .json files`, conversations };
  }
  return { available: true, conversations };
}

/** The id chatgpt.com knows a conversation by: the 2023 API sample has only `id`, newer ones have both. */
export function conversationIdOf(conversation: Record<string, unknown>): string | undefined {
  const id = conversation.conversation_id ?? conversation.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** True for URLs on chatgpt.com or chat.openai.com. */
export function isModelChatGptUrl(url: string): boolean {
  try {
    return (MODEL_ORIGINS as readonly string[]).includes(new URL(url).origin);
  } catch {
    return false;
  }
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): ModelResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

function defaultFaultDetail(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'Not Found';
  if (status === 429) return 'Too many requests in 1 minute. Try again later.';
  return 'Something went wrong. If this issue persists please contact us through our help center at help.openai.com.';
}

function faultResponse(fault: Fault): ModelResponse {
  if (fault.abort) return { abort: true };
  const status = fault.status ?? 500;
  const headers: Record<string, string> = { 'content-type': fault.contentType ?? JSON_TYPE };
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  return { status, headers, body: fault.body ?? JSON.stringify({ detail: defaultFaultDetail(status) }) };
}

function epochSeconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The list endpoint writes times as ISO strings with microseconds, e.g. `2025-11-03T07:20:00.486213+00:00`. */
function isoFromEpochSeconds(seconds: number): string {
  const micros = Math.round(seconds * 1e6);
  const whole = Math.floor(micros / 1e6);
  const fraction = String(micros - whole * 1e6).padStart(6, '0');
  return `${new Date(whole * 1000).toISOString().slice(0, 19)}.${fraction}+00:00`;
}

function updatedAt(conversation: Record<string, unknown>): number {
  return epochSeconds(conversation.update_time) ?? epochSeconds(conversation.create_time) ?? 0;
}

function toListItem(id: string, conversation: Record<string, unknown>): Record<string, unknown> {
  const created = epochSeconds(conversation.create_time) ?? 0;
  return {
    id,
    title: conversation.title ?? null,
    create_time: isoFromEpochSeconds(created),
    update_time: isoFromEpochSeconds(updatedAt(conversation)),
    mapping: null,
    current_node: null,
    conversation_template_id: conversation.conversation_template_id ?? null,
    plugin_ids: null,
    gizmo_id: conversation.gizmo_id ?? null,
    gizmo_type: conversation.gizmo_type ?? null,
    is_archived: conversation.is_archived === true,
    is_starred: conversation.is_starred ?? null,
    is_do_not_remember: conversation.is_do_not_remember ?? null,
    memory_scope: conversation.memory_scope ?? null,
    workspace_id: null,
    async_status: null,
    safe_urls: [],
    blocked_urls: [],
    conversation_origin: conversation.conversation_origin ?? null,
    snippet: null,
    sugar_item_id: null,
    sugar_item_visible: false,
    pinned_time: null,
    is_temporary_chat: false,
  };
}

/** FastAPI-style validation error, the shape chatgpt.com's 422 answers use. */
function validationError(type: string, field: string, msg: string, input: string, ctx?: Record<string, unknown>) {
  return json(422, { detail: [{ type, loc: ['query', field], msg, input, ...(ctx ? { ctx } : {}) }] });
}

function parseIntegerParam(params: URLSearchParams, name: string, fallback: number): number | ModelResponse {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    return validationError(
      'int_parsing',
      name,
      'Input should be a valid integer, unable to parse string as an integer',
      raw,
    );
  }
  return Number(raw);
}

function accountEntry(accountId: string, workspace: boolean): Record<string, unknown> {
  return {
    account: {
      account_user_role: workspace ? 'standard-user' : 'account-owner',
      account_user_id: `${MODEL_USER.id}__${accountId}`,
      processor: { a001: { has_customer_object: true }, b001: { has_transaction_history: true } },
      account_id: accountId,
      organization_id: null,
      is_most_recent_expired_subscription_gratis: false,
      has_previously_paid_subscription: true,
      name: workspace ? 'Model Team' : null,
      profile_picture_id: null,
      profile_picture_url: null,
      structure: workspace ? 'workspace' : 'personal',
      plan_type: workspace ? 'team' : 'plus',
      is_deactivated: false,
      promo_data: {},
    },
    features: [],
    entitlement: {
      subscription_id: workspace ? '0c9e4f27-b1d3-4a86-8e5f-72d0a3c61b94' : '8a3d1f60-2e7b-4c95-b0a4-5f6c9e12d873',
      has_active_subscription: true,
      subscription_plan: workspace ? 'chatgptteamplan' : 'chatgptplusplan',
      expires_at: '2027-01-01T00:00:00+00:00',
      billing_period: 'monthly',
    },
    last_active_subscription: null,
    is_eligible_for_yearly_plus_subscription: false,
  };
}

function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Creates a fake chatgpt.com serving the fixtures; see `tests/e2e/model-chatgpt/pages.ts` for the pages. */
export function createModelChatGptBackend(options: ModelChatGptOptions = {}): ModelChatGptBackend {
  const conversations = new Map<string, unknown>();
  const requests: ModelRequest[] = [];
  const faults: { pattern: RegExp | string; fault: Fault; remaining: number }[] = [];
  let latencyMs = 0;
  let signedIn = true;

  function addConversation(conversation: Record<string, unknown>, id?: string): string {
    const key = id ?? conversationIdOf(conversation) ?? crypto.randomUUID();
    conversations.set(key, conversation);
    return key;
  }

  if (options.includeOwnFixtures ?? true) for (const conversation of loadOwnFixtures()) addConversation(conversation);
  if (options.includeSharedFixtures ?? true) {
    for (const conversation of loadSharedFixtures().conversations) addConversation(conversation);
  }
  for (const conversation of options.conversations ?? []) addConversation(conversation);

  // Bodies served verbatim; a conversation without one is served as JSON.stringify of its object.
  const verbatim = new Map<string, string>();
  let inFlight = 0;
  let maxInFlight = 0;

  function servedBody(id: string): string {
    if (!conversations.has(id)) throw new Error(`The model chatgpt.com has no conversation ${id}`);
    return verbatim.get(id) ?? JSON.stringify(conversations.get(id));
  }

  function takeFault(pathAndQuery: string): Fault | undefined {
    const entry = faults.find(({ pattern, remaining }) => {
      if (remaining <= 0) return false;
      if (typeof pattern === 'string') return pathAndQuery.includes(pattern);
      pattern.lastIndex = 0;
      return pattern.test(pathAndQuery);
    });
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    return entry.fault;
  }

  function listConversations(params: URLSearchParams): ModelResponse {
    const offset = parseIntegerParam(params, 'offset', 0);
    if (typeof offset !== 'number') return offset;
    const limit = parseIntegerParam(params, 'limit', DEFAULT_LIST_LIMIT);
    if (typeof limit !== 'number') return limit;
    if (limit > MAX_LIST_LIMIT) {
      return validationError(
        'less_than_equal',
        'limit',
        'Input should be less than or equal to 100',
        String(params.get('limit')),
        {
          le: MAX_LIST_LIMIT,
        },
      );
    }
    if (limit < 0 || offset < 0) {
      const field = limit < 0 ? 'limit' : 'offset';
      return validationError(
        'greater_than_equal',
        field,
        'Input should be greater than or equal to 0',
        String(params.get(field)),
        {
          ge: 0,
        },
      );
    }
    // Archived chats only come back when asked for, as on chatgpt.com.
    const archived = params.get('is_archived') === 'true';
    const matching = [...conversations.entries()]
      .map(([id, value]) => [id, value as Record<string, unknown>] as const)
      .filter(([, conversation]) => (conversation.is_archived === true) === archived)
      .sort(([, a], [, b]) => updatedAt(b) - updatedAt(a));
    const items = matching.slice(offset, offset + limit).map(([id, conversation]) => toListItem(id, conversation));
    return json(200, { items, total: matching.length, limit, offset, has_missing_conversations: false });
  }

  function accountsCheck(): ModelResponse {
    const accounts: Record<string, unknown> = { default: accountEntry(MODEL_ACCOUNT_ID, false) };
    const ordering = [MODEL_ACCOUNT_ID];
    if (options.workspace) {
      accounts[MODEL_WORKSPACE_ACCOUNT_ID] = accountEntry(MODEL_WORKSPACE_ACCOUNT_ID, true);
      ordering.push(MODEL_WORKSPACE_ACCOUNT_ID);
    }
    return json(200, { accounts, account_ordering: ordering });
  }

  function session(): ModelResponse {
    if (!signedIn) return json(200, {});
    const expires = new Date(Date.now() + 90 * 24 * 3600 * 1000).toISOString();
    return json(200, { user: MODEL_USER, expires, accessToken: MODEL_ACCESS_TOKEN, authProvider: 'auth0' });
  }

  function backendApi(method: string, pathname: string, params: URLSearchParams, headers: Record<string, string>) {
    if (!signedIn || headers.authorization !== `Bearer ${MODEL_ACCESS_TOKEN}`) {
      return json(401, { detail: 'Unauthorized' });
    }
    if (method !== 'GET') return json(405, { detail: 'Method Not Allowed' });
    if (pathname === '/backend-api/conversations') return listConversations(params);
    if (pathname === '/backend-api/accounts/check/v4-2023-04-27') return accountsCheck();
    const match = /^\/backend-api\/conversation\/([^/]+)$/.exec(pathname);
    if (match?.[1] !== undefined) {
      const id = decodeURIComponent(match[1]);
      if (!conversations.has(id)) return json(404, { detail: `Can't load conversation ${id}` });
      return { status: 200, headers: { 'content-type': JSON_TYPE }, body: servedBody(id) };
    }
    return json(404, { detail: 'Not Found' });
  }

  async function handle(request: ModelRequest): Promise<ModelResponse> {
    const isApi = /^\/(backend-)?api\//.test(new URL(request.url).pathname);
    if (!isApi) return answer(request);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await answer(request);
    } finally {
      inFlight -= 1;
    }
  }

  async function answer(request: ModelRequest): Promise<ModelResponse> {
    const headers = lowerCaseHeaders(request.headers);
    requests.push({ ...request, headers });
    const url = new URL(request.url);
    if (!(MODEL_ORIGINS as readonly string[]).includes(url.origin)) {
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: `${url.origin} is not a model origin` };
    }
    const method = request.method.toUpperCase();
    const isBackendApi = url.pathname.startsWith('/backend-api/');
    const fault = takeFault(url.pathname + url.search);
    if (isBackendApi && latencyMs > 0) await sleep(latencyMs);
    if (fault?.delayMs !== undefined) await sleep(fault.delayMs);
    // A fault that only delays answers normally after its delay.
    if (fault !== undefined && (fault.status !== undefined || fault.abort || fault.delayMs === undefined)) {
      return faultResponse(fault);
    }

    if (isBackendApi) return backendApi(method, url.pathname, url.searchParams, headers);
    if (url.pathname === '/api/auth/session') return session();
    if (url.pathname.startsWith('/api/')) return json(404, { detail: 'Not Found' });
    if (url.pathname === '/__model/composer.js') {
      try {
        return {
          status: 200,
          headers: { 'content-type': 'text/javascript; charset=utf-8' },
          body: await getComposerScript(),
        };
      } catch (error) {
        return { status: 500, headers: { 'content-type': 'text/plain' }, body: `composer bundle failed: ${error}` };
      }
    }
    if (url.pathname === '/favicon.ico') return { status: 404, headers: { 'content-type': 'text/plain' }, body: '' };
    if (method !== 'GET' && method !== 'HEAD') return json(405, { detail: 'Method Not Allowed' });
    const html = renderModelPage({ pathname: url.pathname, conversations, signedIn });
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
  }

  return {
    handle,
    conversations,
    servedBody,
    setServedBody(id, text) {
      conversations.set(id, JSON.parse(text));
      verbatim.set(id, text);
    },
    maxConcurrentApiRequests: () => maxInFlight,
    requests,
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    addFault(pathPattern, fault) {
      faults.push({ pattern: pathPattern, fault, remaining: fault.times ?? 1 });
    },
    signOut() {
      signedIn = false;
    },
    signIn() {
      signedIn = true;
    },
    addConversation,
  };
}
