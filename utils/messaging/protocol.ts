import { z } from 'zod';
import { browser } from '#imports';
import { CapturedConversationSchema } from '@/utils/conversations/model';

// The ONE message protocol. Every message names the context that answers it, validates its request with zod
// where it is handled (senders on chatgpt.com are untrusted: any page script can imitate a content script)
// and validates the response where it is received. Adding a message here without a handler fails to compile.

/** Which extension context answers a message. */
type Target = 'background' | 'offscreen';

interface MessageSpec {
  target: Target;
  request: z.ZodType;
  response: z.ZodType;
}

export const protocol = {
  /** A content script captured one conversation; the background validates and archives it. */
  saveConversation: {
    target: 'background',
    request: CapturedConversationSchema,
    response: z.object({ id: z.string(), title: z.string(), messageCount: z.number() }),
  },
  /** The background asks the offscreen document for a blob: URL of a hand-off row (Chrome only). */
  createDownloadUrl: {
    target: 'offscreen',
    request: z.object({ handoffId: z.string().min(1) }),
    response: z.object({ url: z.string().startsWith('blob:') }),
  },
  /** The background tells the offscreen document that a download finished and its URL can go. */
  revokeDownloadUrl: {
    target: 'offscreen',
    request: z.object({ url: z.string().startsWith('blob:') }),
    response: z.object({ revoked: z.boolean() }),
  },
  /** An extension page asks the background to save one conversation's raw JSON as a file. */
  downloadConversation: {
    target: 'background',
    request: z.object({ id: z.string().min(1) }),
    response: z.object({ filename: z.string() }),
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

type Reply = { ok: true; data: unknown } | { ok: false; error: string };

/** A message was refused or its handler failed; `message` is the handler's own explanation. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
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

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Sends message K to the context that answers it; resolves with the validated response, throws ProtocolError. */
export async function sendMessage<K extends MessageType>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope = { lifeboat: 1, target: protocol[type].target, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
  if (reply === undefined || typeof reply !== 'object') {
    throw new ProtocolError(`No part of Lifeboat answered "${type}".`);
  }
  if (!reply.ok) throw new ProtocolError(reply.error);
  const parsed = protocol[type].response.safeParse(reply.data);
  if (!parsed.success)
    throw new ProtocolError(`The answer to "${type}" was malformed: ${describeIssues(parsed.error)}`);
  return parsed.data as ResponseOf<K>;
}

/**
 * Registers one context's handlers on `runtime.onMessage`. Requests are validated before a handler runs;
 * a handler's error travels back to the sender as a ProtocolError. Returns a function that unregisters.
 */
export function registerHandlers<T extends Target>(target: T, handlers: Handlers<T>): () => void {
  const listener = (message: unknown, sender: MessageSender): Promise<Reply> | undefined => {
    // Not ours, or meant for another context: stay silent so that context can answer.
    if (!isEnvelope(message) || message.target !== target) return undefined;
    const type = message.type as MessagesFor<T>;
    const handler = handlers[type] as (request: unknown, sender: MessageSender) => Promise<unknown>;
    const parsed = protocol[type].request.safeParse(message.data);
    if (!parsed.success) {
      return Promise.resolve({ ok: false, error: `Refused "${type}": ${describeIssues(parsed.error)}` });
    }
    return handler(parsed.data, sender).then(
      (data): Reply => ({ ok: true, data }),
      (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
