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
  /** `ChatGPT-Account-Id` of a workspace, or `user-<id>` for a personal account. */
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

/** What a content script hands to the background after fetching one conversation. */
export const CapturedConversationSchema = z.object({
  /** The id from the page URL (`/c/<id>`); the JSON itself may lack `id`. */
  conversationId: z.string().regex(/^[\w-]{1,100}$/, 'a conversation id has only letters, digits, `-` and `_`'),
  account: AccountSchema,
  /** The response body exactly as chatgpt.com sent it. */
  conversation: z.unknown(),
  /** What caused the capture: a chat opened in a tab, or (later) the sync job. */
  source: z.enum(['page', 'sync']),
});
export type CapturedConversation = z.infer<typeof CapturedConversationSchema>;

/** One archived conversation: fields the archive queries, plus the raw JSON exactly as received. */
export interface ConversationRecord {
  id: string;
  accountId: string;
  /** The chat's title, or '' when ChatGPT has not named it yet. */
  title: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds; the archive's sort key. */
  updatedAt: number;
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
  raw: unknown;
}
