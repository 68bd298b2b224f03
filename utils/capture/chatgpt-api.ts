import type { Account } from '@/utils/conversations/model';
import type { RequestKind, RequestResult } from '@/utils/pacing/model';
import { describeError } from '@/utils/shared/describe-error';
import { AccountEntrySchema, AccountsCheckSchema, type Session, SessionSchema } from './model';
import type { Lease, RequestGate } from './request-gate';

/** Why a request to chatgpt.com did not give Lifeboat what it asked for. */
export type ApiFailureKind =
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'signed-out'
  | 'unauthorized'
  | 'rate-limited'
  | 'http'
  | 'not-json'
  | 'invalid-json'
  /** The tab uses a workspace chatgpt.com's account list does not describe: whose chat it is stays unknown. */
  | 'account-unknown'
  /** The tab kept switching account or workspace while a request waited: it could not be pinned to one. */
  | 'account-changed';

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

/** One conversation as chatgpt.com sent it, and the account the request was sent as. */
export interface FetchedConversation {
  /** The response body, byte for byte as text: never parsed and serialised again. */
  body: string;
  /** The account whose `ChatGPT-Account-Id` went with the request (none for the personal account). */
  account: Account;
}

/** What the content script needs from chatgpt.com. The access token never leaves the client. */
export interface ChatGptApi {
  /** The account or workspace the page is using now. Throws ChatGptApiError (`signed-out`, `account-unknown`…). */
  getAccount(): Promise<Account>;
  /**
   * A conversation's JSON text and the account it was fetched as; `attempt` (0 first) lengthens the timeout
   * of a retry. Throws ChatGptApiError.
   */
  getConversation(id: string, options?: { attempt?: number }): Promise<FetchedConversation>;
}

/** What the client needs from the page it runs in. */
export interface ChatGptApiDeps {
  /** The page's fetch: same-origin requests carry the user's cookies. */
  fetch: typeof fetch;
  /** `https://chatgpt.com` or `https://chat.openai.com`. */
  origin: string;
  /** The page's `document.cookie`. */
  readCookies: () => string;
  /** The background's limiter: every request waits for its slot. */
  gate: RequestGate;
}

const ACCOUNTS_CHECK_PATH = '/backend-api/accounts/check/v4-2023-04-27';
/** Session and account list are small: an answer slower than this is a hung connection. */
const SMALL_REQUEST_TIMEOUT_MS = 20_000;
/** A long chat is megabytes; each retry doubles this, up to the cap. */
const CONVERSATION_TIMEOUT_MS = 30_000;
const MAX_CONVERSATION_TIMEOUT_MS = 120_000;
/** Times a conversation request starts over because the tab switched account while it waited. */
const MAX_ACCOUNT_SWITCHES = 2;

/** The timeout for the `attempt`-th try (0 first) of one conversation request. */
export function conversationTimeoutMs(attempt: number): number {
  return Math.min(CONVERSATION_TIMEOUT_MS * 2 ** Math.max(0, attempt), MAX_CONVERSATION_TIMEOUT_MS);
}

function readCookie(cookies: string, name: string): string | undefined {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      // Not valid percent-encoding (a page script can set any cookie): use it as it is.
      return value.join('=');
    }
  }
  return undefined;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Fetches and reads the whole body within `timeoutMs`, or throws an error named `TimeoutError`. */
async function fetchText(
  fetcher: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ response: Response; text: string }> {
  // One timer both cancels the request and ends the wait (rather than AbortSignal.timeout alone): Firefox's
  // page-world fetch may not honour a signal from the content script's world, and the wait must end anyway.
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new DOMException(`No answer within ${timeoutMs} ms.`, 'TimeoutError');
      controller.abort(reason);
      reject(reason);
    }, timeoutMs);
  });
  const request = (async () => {
    const response = await fetcher(url, { ...init, signal: controller.signal });
    return { response, text: await response.text() };
  })();
  // A request abandoned at the timeout may still fail later; that failure is nobody's to handle.
  request.catch(() => {});
  try {
    return await Promise.race([request, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function failureOf(error: unknown): 'timeout' | 'aborted' | 'network' {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return 'timeout';
  if (name === 'AbortError') return 'aborted';
  return 'network';
}

/** Creates the chatgpt.com client. The access token stays in this closure: never in storage, logs or errors. */
export function createChatGptApi({ fetch, origin, readCookies, gate }: ChatGptApiDeps): ChatGptApi {
  let session: Promise<Session> | undefined;
  // Keyed by the workspace cookie, so switching workspace (or signing in again) in the same tab is noticed.
  let account: { workspace: string | undefined; value: Promise<Account> } | undefined;

  /**
   * Makes one request under a slot from the background and returns its body text; throws ChatGptApiError for
   * anything but a 2xx. The slot goes back with the result, so a 429 here pauses every tab.
   */
  async function request(
    lease: Lease,
    path: string,
    what: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<{ text: string; contentType: string }> {
    let result: RequestResult = { failure: 'network' };
    try {
      let response: Response;
      let text: string;
      try {
        ({ response, text } = await fetchText(
          fetch,
          `${origin}${path}`,
          { credentials: 'include', headers },
          timeoutMs,
        ));
      } catch (error) {
        const failure = failureOf(error);
        result = { failure };
        if (failure === 'timeout') {
          throw new ChatGptApiError('timeout', `chatgpt.com did not answer ${what} within ${timeoutMs / 1000} s.`);
        }
        if (failure === 'aborted') throw new ChatGptApiError('aborted', `Loading ${what} was cancelled.`);
        throw new ChatGptApiError('network', `Could not reach chatgpt.com for ${what}: ${describeError(error)}.`);
      }
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      result = { status: response.status, ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }) };
      if (response.status === 401 || response.status === 403) {
        throw new ChatGptApiError(
          'unauthorized',
          `chatgpt.com refused ${what} (HTTP ${response.status}).`,
          response.status,
        );
      }
      if (response.status === 429) {
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
      return { text, contentType };
    } finally {
      lease.release(result);
    }
  }

  async function readJson(
    kind: RequestKind,
    path: string,
    what: string,
    headers: Record<string, string>,
  ): Promise<unknown> {
    const lease = await gate.acquire(kind, SMALL_REQUEST_TIMEOUT_MS);
    const { text } = await request(lease, path, what, headers, SMALL_REQUEST_TIMEOUT_MS);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ChatGptApiError(
        'invalid-json',
        `chatgpt.com answered ${what} with invalid JSON (${describeError(error)}).`,
      );
    }
  }

  function getSession(): Promise<Session> {
    if (session !== undefined) return session;
    const fetching = readJson('session', '/api/auth/session', 'the session', {}).then((body) => {
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

  /** The workspace the `_account` cookie names, or undefined for the personal account. */
  function workspaceCookie(): string | undefined {
    const cookie = readCookie(readCookies(), '_account');
    return cookie === undefined || ['', 'personal', 'default'].includes(cookie) ? undefined : cookie;
  }

  async function resolveAccount(workspace: string | undefined): Promise<Account> {
    const { accessToken, user } = await getSession();
    // An empty label means "unknown"; the UI shows a localised "Personal account" or "Workspace" instead.
    const personal: Account = { id: `user-${user.id}`, label: user.name || user.email || '', kind: 'personal' };
    if (workspace === undefined) return personal;
    const body = await readJson('accounts', ACCOUNTS_CHECK_PATH, 'the account list', {
      authorization: `Bearer ${accessToken}`,
    });
    const list = AccountsCheckSchema.safeParse(body);
    if (!list.success) {
      throw new ChatGptApiError(
        'account-unknown',
        `chatgpt.com's account list has no readable "accounts", so Lifeboat cannot tell whether workspace ${workspace} is a workspace; its chats are not saved until it can.`,
      );
    }
    // Each entry on its own: one malformed entry (say, a null account_id) is skipped, never fatal to the rest.
    let unreadable = 0;
    for (const [key, value] of Object.entries(list.data.accounts)) {
      const entry = AccountEntrySchema.safeParse(value);
      if (!entry.success) {
        unreadable += 1;
        continue;
      }
      const { account_id: id, structure, name } = entry.data.account;
      if (key !== workspace && id !== workspace) continue;
      if (structure === 'personal') return personal;
      if (structure === 'workspace') return { id: `workspace-${id}`, label: name || '', kind: 'workspace' };
      // Neither: filing it as either could split one account's chats into two archives.
      throw new ChatGptApiError(
        'account-unknown',
        `chatgpt.com's account list describes ${workspace} as "${structure ?? 'nothing'}", neither personal nor a workspace, so Lifeboat cannot tell which archive its chats belong to; they are not saved until it can.`,
      );
    }
    const skipped = unreadable === 0 ? '' : ` (${unreadable} of its entries were unreadable)`;
    throw new ChatGptApiError(
      'account-unknown',
      `Workspace ${workspace}, which this tab uses, is not in chatgpt.com's account list${skipped}, so Lifeboat cannot tell which archive its chats belong to; they are not saved until it can.`,
    );
  }

  function accountFor(workspace: string | undefined): Promise<Account> {
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

  async function fetchConversation(id: string, timeoutMs: number): Promise<FetchedConversation | 'account-switched'> {
    const workspace = workspaceCookie();
    const sentAs = await accountFor(workspace);
    const { accessToken } = await getSession();
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken}` };
    if (sentAs.kind === 'workspace') headers['chatgpt-account-id'] = sentAs.id.replace(/^workspace-/, '');
    const lease = await gate.acquire('conversation', timeoutMs);
    // The wait can be minutes (a 429 in any tab): the user may have switched workspace meanwhile.
    if (workspaceCookie() !== workspace) {
      lease.release({ failure: 'skipped' });
      return 'account-switched';
    }
    const path = `/backend-api/conversation/${encodeURIComponent(id)}`;
    const { text } = await request(lease, path, `conversation ${id}`, headers, timeoutMs);
    // With a workspace header the answer is that workspace's. Without one chatgpt.com may go by the cookie,
    // so a switch during the request leaves it unclear whose chat this is: ask again.
    if (sentAs.kind === 'personal' && workspaceCookie() !== workspace) return 'account-switched';
    return { body: text, account: sentAs };
  }

  async function getConversation(id: string, { attempt = 0 } = {}): Promise<FetchedConversation> {
    const timeoutMs = conversationTimeoutMs(attempt);
    let refreshed = false;
    for (let switches = 0; ; ) {
      try {
        const fetched = await fetchConversation(id, timeoutMs);
        if (fetched !== 'account-switched') return fetched;
        switches += 1;
        if (switches > MAX_ACCOUNT_SWITCHES) {
          throw new ChatGptApiError(
            'account-changed',
            `Conversation ${id} was not saved: the tab kept switching account or workspace while it waited.`,
          );
        }
      } catch (error) {
        // Access tokens expire while a tab stays open, and the user may have signed in as someone else: fetch a
        // fresh session (and account) once, then give up.
        if (refreshed || !(error instanceof ChatGptApiError) || error.kind !== 'unauthorized') throw error;
        refreshed = true;
        forgetSession();
      }
    }
  }

  return { getAccount: () => accountFor(workspaceCookie()), getConversation };
}
