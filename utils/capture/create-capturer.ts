import type { CapturedConversation } from '@/utils/conversations/model';
import type { Settings } from '@/utils/settings/model';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import type { CaptureNotice } from './capture-notice';
import { type ChatGptApi, ChatGptApiError } from './chatgpt-api';
import { conversationIdFromUrl } from './conversation-url';

/** How one capture attempt ended. `reason` is a sentence for the log; `rateLimited` picks the user's notice. */
export type CaptureOutcome =
  | { status: 'saved'; id: string; title: string; messageCount: number; stored: boolean }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string; rateLimited: boolean };

/** What a capturer needs; the content script passes the real ones, tests pass their own. */
export interface CapturerDeps {
  api: ChatGptApi;
  /** Hands a capture to the background (`sendMessage('saveConversation', …)`); throws with its reason. */
  save: (
    capture: CapturedConversation,
  ) => Promise<{ id: string; title: string; messageCount: number; stored: boolean }>;
  loadSettings: () => Promise<Settings>;
  notice: CaptureNotice;
  logger: Logger;
  /** The chat the tab shows now (from its URL): a chat the user has left is neither fetched nor announced. */
  currentConversationId: () => string | null;
  /** Localised notice texts: after a save (with the chat's title), when rate limited, after any other failure. */
  texts: { saved: (title: string) => string; rateLimited: () => string; failed: () => string };
  /** Least time between two conversation requests; ChatGPT rate-limits bursts. */
  minGapMs?: number;
  /** False once the content script is invalidated (extension updated or reloaded): queued work then stops. */
  isActive?: () => boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_GAP_MS = 1000;

/**
 * Captures conversations strictly one at a time, at least `minGapMs` apart. A request for a chat already queued
 * joins it; a queued chat the user has left by the time its turn comes is skipped, so clicking through ten
 * chats in a second fetches the one they stopped at, not all ten.
 */
export function createCapturer(deps: CapturerDeps) {
  const {
    minGapMs = DEFAULT_GAP_MS,
    now = Date.now,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    isActive = () => true,
  } = deps;
  const queued = new Map<string, Promise<CaptureOutcome>>();
  let queue: Promise<unknown> = Promise.resolve();
  // No conversation request before this time: a second after the last one, or as long as a 429 asked.
  let notBefore = Number.NEGATIVE_INFINITY;
  const stillWanted = (conversationId: string) => isActive() && deps.currentConversationId() === conversationId;
  const left = (conversationId: string): CaptureOutcome => ({
    status: 'skipped',
    reason: `Left conversation ${conversationId} before its turn.`,
  });

  async function capture(conversationId: string): Promise<CaptureOutcome> {
    const settings = await deps.loadSettings();
    if (!settings.captureEnabled) return { status: 'skipped', reason: 'Capture is switched off in Settings.' };
    const announce = (text: string, tone: 'saved' | 'problem') => {
      // A chat the user has already left must not announce itself over the one they are reading.
      if (settings.showCaptureNotice && stillWanted(conversationId)) deps.notice.show(text, tone);
    };
    const fail = (reason: string, rateLimited = false): CaptureOutcome => {
      announce(rateLimited ? deps.texts.rateLimited() : deps.texts.failed(), 'problem');
      return { status: 'failed', reason, rateLimited };
    };
    let account: CapturedConversation['account'];
    let conversation: unknown;
    try {
      account = await deps.api.getAccount();
      const wait = notBefore - now();
      if (wait > 0) await sleep(wait);
      // The user may have moved on while this chat waited its turn.
      if (!stillWanted(conversationId)) return left(conversationId);
      notBefore = now() + minGapMs;
      conversation = await deps.api.getConversation(conversationId);
    } catch (error) {
      if (error instanceof ChatGptApiError && (error.kind === 'signed-out' || error.kind === 'aborted')) {
        return { status: 'skipped', reason: error.message };
      }
      const rateLimited = error instanceof ChatGptApiError && error.kind === 'rate-limited';
      if (rateLimited) notBefore = now() + Math.max(minGapMs, (error.retryAfterSeconds ?? 60) * 1000);
      return fail(`Conversation ${conversationId} was not saved: ${describeError(error)}`, rateLimited);
    }
    try {
      const saved = await deps.save({ conversationId, account, conversation, source: 'page' });
      announce(deps.texts.saved(saved.title), 'saved');
      return { status: 'saved', ...saved };
    } catch (error) {
      // The background explains what was wrong with the data; nothing stored before is touched.
      return fail(describeError(error));
    }
  }

  function log(outcome: CaptureOutcome): CaptureOutcome {
    if (outcome.status === 'saved') {
      deps.logger.info(`Saved conversation ${outcome.id} (${outcome.messageCount} messages).`);
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
  };
}
