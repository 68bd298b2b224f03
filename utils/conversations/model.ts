import { z } from 'zod';

// ChatGPT's JSON changes without notice, so these schemas check only what Lifeboat relies on and let every
// other field through (`looseObject`). The stored copy is always the object exactly as received, never the
// parse result, so nothing the schema does not know about can be lost.

/** One message inside a mapping node. Only the fields Lifeboat reads are checked. */
export const RawMessageSchema = z.looseObject({
  id: z.string().optional(),
  author: z.looseObject({ role: z.string(), name: z.string().nullish() }).optional(),
  create_time: z.union([z.number(), z.string()]).nullish(),
  content: z
    .looseObject({
      content_type: z.string(),
      parts: z.array(z.unknown()).optional(),
    })
    .optional(),
  recipient: z.string().nullish(),
  weight: z.number().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type RawMessage = z.infer<typeof RawMessageSchema>;

/** One node of the message tree. The root may have no `message` and no `parent` key at all (2023 API). */
export const RawNodeSchema = z.looseObject({
  id: z.string().optional(),
  message: RawMessageSchema.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).optional(),
});
export type RawNode = z.infer<typeof RawNodeSchema>;

/** A conversation as `/backend-api/conversation/<id>` returns it (and as one element of the official export). */
export const RawConversationSchema = z.looseObject({
  id: z.string().optional(),
  conversation_id: z.string().optional(),
  title: z.string().nullish(),
  create_time: z.union([z.number(), z.string()]).nullish(),
  update_time: z.union([z.number(), z.string()]).nullish(),
  mapping: z.record(z.string(), RawNodeSchema, {
    error: (issue) => (issue.input === undefined ? '`mapping` is missing' : '`mapping` is not an object'),
  }),
  current_node: z.string().nullish(),
  default_model_slug: z.string().nullish(),
  gizmo_id: z.string().nullish(),
  is_archived: z.boolean().nullish(),
});
export type RawConversation = z.infer<typeof RawConversationSchema>;

/** A ChatGPT account or workspace that conversations belong to; views never mix two of them. */
export const AccountSchema = z.object({
  /** `workspace-<ChatGPT-Account-Id>` of a workspace, or `user-<id>` for a personal account. */
  id: z.string().min(1).max(200),
  /** What the UI shows for this account: the workspace name or the user's name. */
  label: z.string().max(500),
  kind: z.enum(['personal', 'workspace']),
});
export type Account = z.infer<typeof AccountSchema>;

/** A stored account, with when Lifeboat last saw it signed in. */
export interface AccountRecord extends Account {
  lastSeenAt: number;
}

/**
 * How the account of a stored chat was decided. `request`: the account the request for this copy was sent as
 * (its `ChatGPT-Account-Id` header, or none for the personal account). `v1`: stored by schema v1, which read the
 * account before waiting its turn and fell back to the personal account when a workspace lookup failed, so it
 * may be wrong; the next capture of the chat is trusted over it.
 */
export type AccountBasis = 'request' | 'v1';

/** Who caused a capture, as the background judges it from the sender (never as a content script claims). */
export type CaptureSource = 'page' | 'sync' | 'extension';

/**
 * The largest conversation Lifeboat stores, in UTF-8 bytes of its JSON. Chrome refuses runtime messages above
 * 64 MiB of serialised JSON, and a JSON text escaped into a message grows; the longest real chats seen are a few
 * megabytes, so this leaves room without ever reaching the browser's own, obscure, failure.
 */
export const MAX_CONVERSATION_BYTES = 32 * 1024 * 1024;

/** The outcomes of saving a capture, for the protocol's response schema. */
export const SAVE_OUTCOMES = ['created', 'updated', 'moved', 'unchanged', 'kept-newer'] as const;

/** How a capture was received, for the log and the notice on chatgpt.com. */
export type SaveOutcome =
  /** First copy of this chat. */
  | 'created'
  /** A newer or different copy replaced the stored one. */
  | 'updated'
  /** The stored copy was filed by v1's guess under another account; this verified capture moved it. */
  | 'moved'
  /** The stored copy is the same as this one. */
  | 'unchanged'
  /** The stored copy is newer than this one (a slower capture from another tab), so it stays. */
  | 'kept-newer';

/** Whether an outcome wrote a new copy (the notice may say "Saved" only then). */
export function isStored(outcome: SaveOutcome): boolean {
  return outcome === 'created' || outcome === 'updated' || outcome === 'moved';
}

/** What a content script hands to the background after fetching one conversation. */
export const CapturedConversationSchema = z.object({
  /** The id from the page URL (`/c/<id>`); the JSON itself may lack `id`. */
  conversationId: z.string().regex(/^[\w-]{1,100}$/, 'a conversation id has only letters, digits, `-` and `_`'),
  /** The account the request was sent as. */
  account: AccountSchema,
  /**
   * The response body exactly as chatgpt.com sent it, as text: parsing and re-serialising would move
   * integer-like keys to the front and round integers above 2^53. Its size is checked where it is stored.
   */
  // A coarse bound in characters (never more than the bytes), so an oversized body is refused before it is
  // parsed; the exact check in UTF-8 bytes, with its message, is the store's.
  body: z.string().max(MAX_CONVERSATION_BYTES, 'the conversation is larger than Lifeboat keeps for one chat'),
});
export type CapturedConversation = z.infer<typeof CapturedConversationSchema>;

/** One archived conversation: the fields the archive lists and queries. The JSON itself is a ConversationBody. */
export interface ConversationRecord {
  id: string;
  accountId: string;
  accountBasis: AccountBasis;
  /** The chat's title, or '' when ChatGPT has not named it yet. */
  title: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds; the archive's sort key. */
  updatedAt: number;
  /** False when the JSON had no readable `update_time` (then `updatedAt` is the creation time). */
  updatedAtKnown: boolean;
  /** Model of the newest answer on the visible branch, else the conversation's default model. */
  model: string | null;
  /** Custom GPT or project id (`g-…`, `g-p-…`), or null. */
  gizmoId: string | null;
  isArchived: boolean;
  /** Messages a person would see on the visible branch (user and assistant turns). */
  messageCount: number;
  /** Leaves of the message tree: 1 for a chat never edited or regenerated. */
  branchCount: number;
  /** When Lifeboat stored this copy, epoch milliseconds. */
  capturedAt: number;
  /** When a capture last found this copy current, epoch milliseconds. */
  checkedAt: number;
  capturedBy: CaptureSource;
  /** SHA-256 of the body, hex; null for a copy moved from schema v1, which kept no bytes to hash. */
  contentHash: string | null;
  /** Size of the body in UTF-8 bytes. */
  bodyBytes: number;
}

/** A conversation's JSON exactly as received, apart from the row the lists read (rows stay small). */
export interface ConversationBody {
  id: string;
  text: string;
  /**
   * True for bytes exactly as chatgpt.com sent them; false for a body schema v1 kept as a parsed object and v2
   * could only serialise again (same data, possibly another key order). The next capture replaces it.
   */
  exact: boolean;
}
