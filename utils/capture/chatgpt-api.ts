import type { Account } from '@/utils/conversations/model';
import { describeError } from '@/utils/shared/describe-error';
import { AccountsCheckSchema, type Session, SessionSchema } from './model';

/** Why a request to chatgpt.com did not give Lifeboat what it asked for. */
export type ApiFailureKind =
  | 'network'
  | 'aborted'
  | 'signed-out'
  | 'unauthorized'
  | 'rate-limited'
  | 'http'
  | 'not-json'
  | 'invalid-json';

/** A failed chatgpt.com request; `message` is a sentence a user can read. Never contains the access token. */
export class ChatGptApiError extends Error {
  override name = 'ChatGptApiError';
  constructor(
    readonly kind: ApiFailureKind,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** What the content script needs from chatgpt.com. The access token never leaves the client. */
export interface ChatGptApi {
  /** The account or workspace the page is using now. Throws ChatGptApiError `signed-out` when nobody is. */
  getAccount(): Promise<Account>;
  /** A conversation's JSON exactly as chatgpt.com sent it (parsed, not validated). Throws ChatGptApiError. */
  getConversation(id: string): Promise<unknown>;
}

/** What the client needs from the page it runs in. */
export interface ChatGptApiDeps {
  /** The page's fetch: same-origin requests carry the user's cookies. */
  fetch: typeof fetch;
  /** `https://chatgpt.com` or `https://chat.openai.com`. */
  origin: string;
  /** The page's `document.cookie`. */
  readCookies: () => string;
}

const ACCOUNTS_CHECK_PATH = '/backend-api/accounts/check/v4-2023-04-27';

function readCookie(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Creates the chatgpt.com client. The access token stays in this closure: never in storage, logs or errors. */
export function createChatGptApi({ fetch, origin, readCookies }: ChatGptApiDeps): ChatGptApi {
  let session: Promise<Session> | undefined;
  // Keyed by the workspace cookie, so switching workspace (or signing in again) in the same tab is noticed.
  let account: { workspace: string | undefined; value: Promise<Account> } | undefined;

  async function readJson(path: string, what: string, headers: Record<string, string>): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${origin}${path}`, { credentials: 'include', headers });
      text = await response.text();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw new ChatGptApiError('aborted', `Loading ${what} was cancelled.`);
      }
      throw new ChatGptApiError('network', `Could not reach chatgpt.com for ${what}: ${describeError(error)}.`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new ChatGptApiError(
        'unauthorized',
        `chatgpt.com refused ${what} (HTTP ${response.status}).`,
        response.status,
      );
    }
    if (response.status === 429) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      const wait = retryAfter === undefined ? '' : ` It asks to wait ${retryAfter} s.`;
      throw new ChatGptApiError(
        'rate-limited',
        `chatgpt.com is rate limiting ${what} (HTTP 429).${wait}`,
        429,
        retryAfter,
      );
    }
    if (!response.ok) {
      throw new ChatGptApiError('http', `chatgpt.com answered HTTP ${response.status} for ${what}.`, response.status);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (/html/i.test(contentType) || /^\s*</.test(text)) {
      throw new ChatGptApiError(
        'not-json',
        `chatgpt.com answered ${what} with an HTML page instead of JSON (HTTP ${response.status}, ${contentType || 'no content type'}).`,
        response.status,
      );
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ChatGptApiError(
        'invalid-json',
        `chatgpt.com answered ${what} with invalid JSON (${describeError(error)}).`,
        response.status,
      );
    }
  }

  function getSession(): Promise<Session> {
    if (session !== undefined) return session;
    const fetching = readJson('/api/auth/session', 'the session', {}).then((body) => {
      const parsed = SessionSchema.safeParse(body);
      if (!parsed.success) throw new ChatGptApiError('signed-out', 'Nobody is signed in to ChatGPT in this tab.');
      return parsed.data;
    });
    session = fetching;
    // A failed session is fetched again next time instead of being remembered.
    fetching.catch(() => {
      if (session === fetching) session = undefined;
    });
    return fetching;
  }

  async function authHeaders(): Promise<Record<string, string>> {
    const { accessToken } = await getSession();
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}` };
    const active = await getAccount();
    if (active.kind === 'workspace') headers['chatgpt-account-id'] = active.id.replace(/^workspace-/, '');
    return headers;
  }

  async function resolveAccount(workspace: string | undefined): Promise<Account> {
    const { accessToken, user } = await getSession();
    // An empty label means "unknown"; the UI shows a localised "Personal account" or "Workspace" instead.
    const personal: Account = { id: `user-${user.id}`, label: user.name || user.email || '', kind: 'personal' };
    if (workspace === undefined) return personal;
    const body = await readJson(ACCOUNTS_CHECK_PATH, 'the account list', { authorization: `Bearer ${accessToken}` });
    const entry = AccountsCheckSchema.safeParse(body).data?.accounts[workspace]?.account;
    if (entry === undefined || entry.structure === 'personal') return personal;
    return { id: `workspace-${entry.account_id}`, label: entry.name || '', kind: 'workspace' };
  }

  function getAccount(): Promise<Account> {
    // The `_account` cookie names the active workspace; without one the personal account is in use.
    const cookie = readCookie(readCookies(), '_account');
    const workspace = cookie === undefined || ['', 'personal', 'default'].includes(cookie) ? undefined : cookie;
    if (account === undefined || account.workspace !== workspace) {
      const value = resolveAccount(workspace);
      account = { workspace, value };
      value.catch(() => {
        if (account?.value === value) account = undefined;
      });
    }
    return account.value;
  }

  function forgetSession(): void {
    session = undefined;
    account = undefined;
  }

  async function getConversation(id: string): Promise<unknown> {
    const path = `/backend-api/conversation/${encodeURIComponent(id)}`;
    const what = `conversation ${id}`;
    try {
      return await readJson(path, what, await authHeaders());
    } catch (error) {
      // Access tokens expire while a tab stays open, and the user may have signed in as someone else: fetch a
      // fresh session (and account) once, then give up.
      if (!(error instanceof ChatGptApiError) || error.kind !== 'unauthorized') throw error;
      forgetSession();
      return readJson(path, what, await authHeaders());
    }
  }

  return { getAccount, getConversation };
}
