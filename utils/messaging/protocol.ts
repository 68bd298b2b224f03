import { z } from 'zod';
import { browser } from '#imports';
import { PageHookReportSchema } from '@/utils/capture/model';
import { CapturedConversationSchema, SAVE_OUTCOMES } from '@/utils/conversations/model';
import { AcquireSlotSchema, ReleaseSlotSchema, SlotAnswerSchema } from '@/utils/pacing/model';
import { CHATGPT_ORIGINS } from '@/utils/shared/chatgpt-origins';
import { describeError, describeZodError } from '@/utils/shared/describe-error';
import { type ErrorCode, errorCodeOf } from '@/utils/shared/lifeboat-error';

// The ONE message protocol. Every message names the context that answers it and who may send it; its request
// is validated with zod where it is handled (a content script on chatgpt.com is the least trusted context: any
// page script can imitate one) and its response where it is received. A message without a handler, or a
// handler without a message, does not compile.

/** Which extension context answers a message. */
type Target = 'background' | 'offscreen';

/** Who may send a message: Lifeboat's own pages only, or also its content scripts on ChatGPT. */
type Senders = 'extension' | 'extension-or-chatgpt';

interface MessageSpec {
  target: Target;
  senders: Senders;
  request: z.ZodType;
  response: z.ZodType;
}

/** Every message Lifeboat's contexts exchange. */
export const protocol = {
  /** A content script captured one conversation; the background validates and archives it. */
  saveConversation: {
    target: 'background',
    senders: 'extension-or-chatgpt',
    request: CapturedConversationSchema,
    response: z.object({
      id: z.string(),
      title: z.string(),
      messageCount: z.number(),
      outcome: z.enum(SAVE_OUTCOMES),
    }),
  },
  /**
   * A content script asks for the next slot to make one chatgpt.com request; the background's one limiter paces
   * every tab. The tab is the one the browser reports, never one the message names.
   */
  acquireRequestSlot: {
    target: 'background',
    senders: 'extension-or-chatgpt',
    request: AcquireSlotSchema,
    response: SlotAnswerSchema,
  },
  /** A content script hands its slot back with how the request ended (429s pause every tab). */
  releaseRequestSlot: {
    target: 'background',
    senders: 'extension-or-chatgpt',
    request: ReleaseSlotSchema,
    response: z.object({}),
  },
  /** A content script says whether the page hook connected in its tab; stored per tab the browser names. */
  reportPageHook: {
    target: 'background',
    senders: 'extension-or-chatgpt',
    request: PageHookReportSchema,
    response: z.object({ stored: z.boolean() }),
  },
  /** An extension page asks the background to save one conversation's raw JSON as a file. */
  downloadConversation: {
    target: 'background',
    senders: 'extension',
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ downloadId: z.number().int(), filename: z.string() }),
  },
  /** The background asks the offscreen document for a blob: URL of a hand-off row (Chrome only). */
  createDownloadUrl: {
    target: 'offscreen',
    senders: 'extension',
    request: z.object({ handoffId: z.string().min(1) }),
    response: z.object({ url: z.string().startsWith('blob:') }),
  },
  /** The background tells the offscreen document that a download finished and its URL can go. */
  revokeDownloadUrl: {
    target: 'offscreen',
    senders: 'extension',
    request: z.object({ url: z.string().startsWith('blob:') }),
    response: z.object({ revoked: z.boolean() }),
  },
} as const satisfies Record<string, MessageSpec>;

type Protocol = typeof protocol;
/** Every message name. */
export type MessageType = keyof Protocol;
/** What a sender passes for message K. */
export type RequestOf<K extends MessageType> = z.input<Protocol[K]['request']>;
/** What a handler receives for message K, after validation. */
export type ParsedRequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
/** What a handler returns for message K. */
export type ResponseOf<K extends MessageType> = z.output<Protocol[K]['response']>;
/** Message names answered by one context. */
export type MessagesFor<T extends Target> = {
  [K in MessageType]: Protocol[K]['target'] extends T ? K : never;
}[MessageType];

/** Who sent a message, as the browser reports it (never as the message claims). */
export interface MessageSender {
  id?: string;
  url?: string;
  /** The sending document (Chrome 106+); a reloaded page is another document. */
  documentId?: string;
  tab?: { id?: number; url?: string };
}

/** The handlers of one context: exactly one per message it answers. */
export type Handlers<T extends Target> = {
  [K in MessagesFor<T>]: (request: ParsedRequestOf<K>, sender: MessageSender) => Promise<ResponseOf<K>>;
};

interface Envelope {
  lifeboat: 1;
  target: Target;
  type: MessageType;
  data: unknown;
}

type Reply = { ok: true; data: unknown } | { ok: false; error: string; code: ErrorCode };

/** A message was refused or its handler failed; `message` is the handler's own explanation. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    message: string,
    /** What kind of failure, for a translated message in the UI. */
    readonly code: ErrorCode = 'failed',
  ) {
    super(message);
  }
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<Envelope>).lifeboat === 1 &&
    typeof (message as Partial<Envelope>).type === 'string' &&
    Object.hasOwn(protocol, (message as Envelope).type)
  );
}

/**
 * Whether the browser-reported sender may send a message: Lifeboat's own pages always; a frame on chatgpt.com
 * or chat.openai.com only where `senders` allows it. The frame's URL counts, not the tab's.
 */
export function isAllowedSender(sender: MessageSender, senders: Senders, extensionOrigin: string): boolean {
  const url = sender.url ?? sender.tab?.url;
  if (url === undefined) return false;
  // A prefix test for our own pages: `URL.origin` of a chrome-extension:// URL is "null" in some runtimes.
  if (url.startsWith(extensionOrigin)) return true;
  if (senders !== 'extension-or-chatgpt') return false;
  try {
    return (CHATGPT_ORIGINS as readonly string[]).includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/** Sends message K to the context that answers it; resolves with the validated response, throws ProtocolError. */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope = { lifeboat: 1, target: protocol[type].target, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
  if (reply === undefined || typeof reply !== 'object') {
    throw new ProtocolError(`No part of Lifeboat answered "${type}".`);
  }
  if (!reply.ok) throw new ProtocolError(reply.error, reply.code);
  const parsed = protocol[type].response.safeParse(reply.data);
  if (!parsed.success) {
    throw new ProtocolError(`The answer to "${type}" was malformed: ${describeZodError(parsed.error)}`);
  }
  return parsed.data as ResponseOf<K>;
}

/**
 * Registers one context's handlers on `runtime.onMessage`. The sender and the request are checked before a
 * handler runs; a handler's error travels back to the sender as a ProtocolError. Returns an unregister function.
 */
export function registerHandlers<T extends Target>(target: T, handlers: Handlers<T>): () => void {
  const extensionOrigin = browser.runtime.getURL('/');

  async function handle(message: Envelope, sender: MessageSender): Promise<Reply> {
    const type = message.type as MessagesFor<T>;
    const spec = protocol[type];
    if (!isAllowedSender(sender, spec.senders, extensionOrigin)) {
      return { ok: false, code: 'refused', error: `Refused "${type}" from ${sender.url ?? 'an unknown sender'}.` };
    }
    const parsed = spec.request.safeParse(message.data);
    if (!parsed.success) {
      return { ok: false, code: 'refused', error: `Refused "${type}": ${describeZodError(parsed.error)}` };
    }
    const handler = handlers[type] as (request: unknown, sender: MessageSender) => Promise<unknown>;
    try {
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error), error: describeError(error) };
    }
  }

  // Answers through `sendResponse` where the browser passes one (every Chrome and Firefox version) and as a
  // returned Promise where it does not (WXT's fakeBrowser in unit tests).
  const listener = (message: unknown, sender: MessageSender, sendResponse?: (reply: Reply) => void) => {
    // Not ours, or meant for another context: stay silent so that context can answer.
    if (!isEnvelope(message) || message.target !== target) return undefined;
    const reply = handle(message, sender);
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
