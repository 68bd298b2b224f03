import {
  type CapturedConversation,
  isStored,
  MAX_CONVERSATION_BYTES,
  type SaveOutcome,
} from '@/utils/conversations/model';
import type { Settings } from '@/utils/settings/model';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import { megabytes, utf8ByteLength } from '@/utils/shared/utf8';
import type { CaptureNotice } from './capture-notice';
import { type ChatGptApi, ChatGptApiError, type FetchedConversation } from './chatgpt-api';
import { conversationIdFromUrl } from './conversation-url';
import { GateClosedError } from './request-gate';

/** What the background answered for one stored capture. */
export interface SavedConversation {
  id: string;
  title: string;
  messageCount: number;
  outcome: SaveOutcome;
}

/** How one capture ended. `reason` is a sentence for the log; `rateLimited` picks the user's notice. */
export type CaptureOutcome =
  | ({ status: 'saved' } & SavedConversation)
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string; rateLimited: boolean };

/** The notices a capture shows on chatgpt.com, localised by the content script. */
export interface CaptureTexts {
  /** A new or newer copy was stored. */
  saved: (title: string) => string;
  /** The archive already had this copy (or a newer one): nothing was written. */
  upToDate: (title: string) => string;
  /** ChatGPT is rate limiting and Lifeboat waits to try again: `seconds` until it does, when known. */
  rateLimitWait: (seconds: number | null) => string;
  /** ChatGPT kept rate limiting and Lifeboat gave up on this chat for now. */
  rateLimited: () => string;
  /** The tab's workspace could not be identified, so the chat was not stored. */
  accountUnknown: () => string;
  /** The chat is larger than Lifeboat stores (sizes in MB, formatted). */
  tooLarge: (size: string, limit: string) => string;
  /** Any other failure. */
  failed: () => string;
}

/** What a capturer needs; the content script passes the real ones, tests pass their own. */
export interface CapturerDeps {
  api: ChatGptApi;
  /** Hands a capture to the background (`sendMessage('saveConversation', …)`); throws with its reason. */
  save: (capture: CapturedConversation) => Promise<SavedConversation>;
  loadSettings: () => Promise<Settings>;
  notice: CaptureNotice;
  logger: Logger;
  /** The chat the tab shows now (from its URL): a chat the user has left is neither fetched nor announced. */
  currentConversationId: () => string | null;
  texts: CaptureTexts;
  /** False once the content script is invalidated (extension updated or reloaded): queued work then stops. */
  isActive?: () => boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A number in [0, 1), for the jitter of retries. */
  random?: () => number;
}

/** Retries after the first try, for failures that often pass: a timeout, a dropped connection, a 5xx, a 429. */
const MAX_RETRIES = 2;
/** Backoff before the first retry; doubled for the next, jittered ±50 %. The background's gap comes on top. */
const RETRY_BASE_MS = 2000;

function isRetryable(error: unknown): error is ChatGptApiError {
  if (!(error instanceof ChatGptApiError)) return false;
  if (error.kind === 'timeout' || error.kind === 'network' || error.kind === 'rate-limited') return true;
  return error.kind === 'http' && error.status !== undefined && error.status >= 500;
}

/**
 * Captures conversations one at a time. Pacing is the background's (every request waits for its slot); this
 * queue only keeps a tab's own captures in order. A request for a chat already queued joins it; a queued chat
 * the user has left by the time its turn comes is skipped, so clicking through ten chats in a second fetches
 * the one they stopped at, not all ten.
 */
export function createCapturer(deps: CapturerDeps) {
  const {
    now = Date.now,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    isActive = () => true,
    random = Math.random,
  } = deps;
  const queued = new Map<string, Promise<CaptureOutcome>>();
  let queue: Promise<unknown> = Promise.resolve();
  // The chat being captured now and whether it may show notices, for rate-limit notices raised by the gate.
  let active: { conversationId: string; showNotice: boolean; announcedUntil: number } | undefined;
  const stillWanted = (conversationId: string) => isActive() && deps.currentConversationId() === conversationId;
  const left = (conversationId: string): CaptureOutcome => ({
    status: 'skipped',
    reason: `Left conversation ${conversationId} before its turn.`,
  });

  function announceRateLimit(until: number | null): void {
    if (active === undefined || !active.showNotice || !stillWanted(active.conversationId)) return;
    // Once per pause: every tab asking again during the same pause would repeat it.
    if (until !== null && active.announcedUntil === until) return;
    if (until !== null) active.announcedUntil = until;
    const seconds = until === null ? null : Math.max(1, Math.ceil((until - now()) / 1000));
    deps.notice.show(deps.texts.rateLimitWait(seconds), 'problem');
  }

  async function fetchWithRetries(conversationId: string): Promise<FetchedConversation | CaptureOutcome> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await deps.api.getConversation(conversationId, { attempt });
      } catch (error) {
        if (!isRetryable(error) || attempt >= MAX_RETRIES) throw error;
        if (error.kind === 'rate-limited') {
          // Worth seeing in the console: it explains a save that takes minutes.
          deps.logger.info(
            `Conversation ${conversationId}, try ${attempt + 1}: ${error.message} Waiting, then trying again.`,
          );
          // The background now pauses every tab; the next try waits for its slot, so only tell the user.
          const until = error.retryAfterSeconds === undefined ? null : now() + error.retryAfterSeconds * 1000;
          announceRateLimit(until);
        } else {
          deps.logger.debug(`Conversation ${conversationId}, try ${attempt + 1}: ${error.message} Trying again.`);
          await sleep(RETRY_BASE_MS * 2 ** attempt * (0.5 + random()));
        }
        if (!stillWanted(conversationId)) return left(conversationId);
      }
    }
  }

  async function capture(conversationId: string): Promise<CaptureOutcome> {
    const settings = await deps.loadSettings();
    if (!settings.captureEnabled) return { status: 'skipped', reason: 'Capture is switched off in Settings.' };
    const announce = (text: string, tone: 'saved' | 'problem') => {
      // A chat the user has already left must not announce itself over the one they are reading.
      if (settings.showCaptureNotice && stillWanted(conversationId)) deps.notice.show(text, tone);
    };
    const fail = (reason: string, text: string, rateLimited = false): CaptureOutcome => {
      announce(text, 'problem');
      return { status: 'failed', reason, rateLimited };
    };
    active = { conversationId, showNotice: settings.showCaptureNotice, announcedUntil: 0 };
    let fetched: FetchedConversation | CaptureOutcome;
    try {
      fetched = await fetchWithRetries(conversationId);
    } catch (error) {
      if (error instanceof GateClosedError) return { status: 'skipped', reason: error.message };
      if (error instanceof ChatGptApiError && (error.kind === 'signed-out' || error.kind === 'aborted')) {
        return { status: 'skipped', reason: error.message };
      }
      const reason = `Conversation ${conversationId} was not saved: ${describeError(error)}`;
      if (error instanceof ChatGptApiError && error.kind === 'account-unknown') {
        return fail(reason, deps.texts.accountUnknown());
      }
      if (error instanceof ChatGptApiError && error.kind === 'rate-limited') {
        return fail(reason, deps.texts.rateLimited(), true);
      }
      return fail(reason, deps.texts.failed());
    } finally {
      active = undefined;
    }
    if ('status' in fetched) return fetched;
    // Checked here too, not only in the background: a body this large would not even cross to it intact.
    const bytes = utf8ByteLength(fetched.body);
    if (bytes > MAX_CONVERSATION_BYTES) {
      const [size, limit] = [megabytes(bytes), megabytes(MAX_CONVERSATION_BYTES)];
      return fail(
        `Conversation ${conversationId} was not saved: it is ${size} MB, more than the ${limit} MB Lifeboat keeps for one chat.`,
        deps.texts.tooLarge(size, limit),
      );
    }
    try {
      const saved = await deps.save({ conversationId, account: fetched.account, body: fetched.body });
      const title = saved.title;
      announce(isStored(saved.outcome) ? deps.texts.saved(title) : deps.texts.upToDate(title), 'saved');
      return { status: 'saved', ...saved };
    } catch (error) {
      // The background explains what was wrong with the data; nothing stored before is touched.
      return fail(describeError(error), deps.texts.failed());
    }
  }

  function log(outcome: CaptureOutcome): CaptureOutcome {
    if (outcome.status === 'saved') {
      const what = isStored(outcome.outcome) ? 'Saved' : 'Already up to date:';
      deps.logger.info(`${what} conversation ${outcome.id} (${outcome.messageCount} messages, ${outcome.outcome}).`);
    } else if (outcome.status === 'failed') {
      deps.logger.warn(outcome.reason);
    } else {
      deps.logger.debug(outcome.reason);
    }
    return outcome;
  }

  return {
    /** Queues one conversation for capture and resolves with how it ended; never throws. */
    captureConversation(conversationId: string): Promise<CaptureOutcome> {
      const waiting = queued.get(conversationId);
      if (waiting) return waiting;
      const turn = queue
        .then(() => (stillWanted(conversationId) ? capture(conversationId) : left(conversationId)))
        .catch(
          (error: unknown): CaptureOutcome => ({ status: 'failed', reason: describeError(error), rateLimited: false }),
        )
        .then(log)
        .finally(() => queued.delete(conversationId));
      queued.set(conversationId, turn);
      queue = turn;
      return turn;
    },
    /** Captures the chat a URL points at, if it points at one. */
    captureUrl(url: string | URL): Promise<CaptureOutcome> | undefined {
      const id = conversationIdFromUrl(url);
      return id === null ? undefined : this.captureConversation(id);
    },
    /** The background says every request waits until `until` (a 429 in any tab): tell the user, once. */
    noteRateLimit(until: number): void {
      announceRateLimit(until);
    },
  };
}
