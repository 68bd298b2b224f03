import type { CapturedConversation } from '@/utils/conversations/model';
import type { Settings } from '@/utils/settings/model';
import { describeError } from '@/utils/shared/describe-error';
import type { Logger } from '@/utils/shared/logger';
import type { CaptureNotice } from './capture-notice';
import { type ChatGptApi, ChatGptApiError } from './chatgpt-api';
import { conversationIdFromUrl } from './conversation-url';

/** How one capture attempt ended. `reason` is a sentence for the user and the log. */
export type CaptureOutcome =
  | { status: 'saved'; id: string; title: string; messageCount: number; stored: boolean }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string };

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
  /** Localised notice texts: after a save (with the chat's title) and after a failure. */
  texts: { saved: (title: string) => string; failed: () => string };
}

/** Captures conversations one at a time; a second request for a chat already being captured joins the first. */
export function createCapturer(deps: CapturerDeps) {
  const inFlight = new Map<string, Promise<CaptureOutcome>>();

  async function capture(conversationId: string): Promise<CaptureOutcome> {
    const settings = await deps.loadSettings();
    if (!settings.captureEnabled) return { status: 'skipped', reason: 'Capture is switched off in Settings.' };
    const fail = (reason: string): CaptureOutcome => {
      if (settings.showCaptureNotice) deps.notice.show(deps.texts.failed(), 'problem');
      return { status: 'failed', reason };
    };
    let account: CapturedConversation['account'];
    let conversation: unknown;
    try {
      account = await deps.api.getAccount();
      conversation = await deps.api.getConversation(conversationId);
    } catch (error) {
      if (error instanceof ChatGptApiError && (error.kind === 'signed-out' || error.kind === 'aborted')) {
        return { status: 'skipped', reason: error.message };
      }
      return fail(`Conversation ${conversationId} was not saved: ${describeError(error)}`);
    }
    try {
      const saved = await deps.save({ conversationId, account, conversation, source: 'page' });
      if (settings.showCaptureNotice) deps.notice.show(deps.texts.saved(saved.title), 'saved');
      return { status: 'saved', ...saved };
    } catch (error) {
      // The background explains what was wrong with the data; nothing stored before is touched.
      return fail(describeError(error));
    }
  }

  return {
    /** Captures one conversation and logs the outcome; never throws. */
    captureConversation(conversationId: string): Promise<CaptureOutcome> {
      const running = inFlight.get(conversationId);
      if (running) return running;
      const attempt = capture(conversationId)
        .catch((error: unknown): CaptureOutcome => ({ status: 'failed', reason: describeError(error) }))
        .then((outcome) => {
          if (outcome.status === 'saved')
            deps.logger.info(`Saved conversation ${outcome.id} (${outcome.messageCount} messages).`);
          else if (outcome.status === 'failed') deps.logger.warn(outcome.reason);
          else deps.logger.debug(outcome.reason);
          return outcome;
        })
        .finally(() => inFlight.delete(conversationId));
      inFlight.set(conversationId, attempt);
      return attempt;
    },
    /** Captures the chat a URL points at, if it points at one. */
    captureUrl(url: string | URL): Promise<CaptureOutcome> | undefined {
      const id = conversationIdFromUrl(url);
      return id === null ? undefined : this.captureConversation(id);
    },
  };
}
