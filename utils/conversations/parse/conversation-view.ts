import type { RawConversation } from '../model';
import type { Citation } from './resolve-citations';
import type { ConversationTree, Fork, LeafChoice, TreeProblem } from './walk-branches';

// What the viewer, search and the Markdown export read: a conversation turned into typed blocks. Types only; the
// functions that build them are in parse-conversation.ts and read-content.ts.

/** An image in a message: an upload, a generated image or a code-interpreter chart. */
export interface ImageBlock {
  kind: 'image';
  /** The pointer as ChatGPT gives it (`sediment://…`, `file-service://…`). */
  pointer: string;
  /** The file id `/backend-api/files/download/<id>` and the file store know it by, or null for another scheme. */
  fileId: string | null;
  width: number | null;
  height: number | null;
  /** The attachment's file name, or the DALL·E prompt, when known. */
  alt: string | null;
}

/** One piece of a message's content, in reading order. */
export type Block =
  /** Markdown source, citation markers already resolved into links. */
  | { kind: 'text'; markdown: string; citations: Citation[] }
  /** Code the assistant sent to a tool (python, web search, …). */
  | { kind: 'code'; language: string | null; source: string }
  /** What a code-interpreter run printed (its images follow as image blocks). */
  | { kind: 'execution-output'; text: string }
  | ImageBlock
  /** Reasoning: thought summaries and/or the "Thought for 17s" recap. Shown collapsed by default. */
  | {
      kind: 'reasoning';
      thoughts: { summary: string; content: string }[];
      /** The recap line exactly as ChatGPT wrote it (translated: "17s 동안 생각함"). */
      recap: string | null;
      durationSec: number | null;
      collapsedByDefault: true;
    }
  /** A Canvas document the assistant created. `documentType` is `document`, `code/python`, … */
  | { kind: 'document'; name: string; documentType: string; content: string }
  /** Edits the assistant made to a Canvas document. */
  | { kind: 'document-update'; updates: { pattern: string; replacement: string; multiple: boolean }[] }
  /** A quoted page or file (`tether_quote`, `sonic_webpage`). */
  | { kind: 'quote'; title: string; url: string | null; domain: string | null; text: string }
  /** What a browsing tool returned, with the pages it cites. */
  | { kind: 'browsing'; summary: string | null; result: string; citations: Citation[] }
  /** Spoken words in voice mode. */
  | { kind: 'transcription'; text: string; direction: 'in' | 'out' | null }
  /** Audio or video that is not kept as text. */
  | { kind: 'media'; mediaType: 'audio' | 'video'; pointer: string | null }
  /** Custom instructions or memory ChatGPT passed to the model. */
  | { kind: 'context'; scope: 'user' | 'model'; text: string }
  /** A tool's error message. */
  | { kind: 'error'; name: string; text: string }
  /** Content Lifeboat does not know how to show; the raw JSON is kept for a raw view. */
  | { kind: 'unsupported'; contentType: string; rawJson: string };

export type BlockKind = Block['kind'];

/** Why a message is hidden in the default view (the "show hidden" toggle shows it). */
export type HiddenReason =
  /** `metadata.is_visually_hidden_from_conversation`. */
  | 'visually-hidden'
  /** A system message (the user's own system messages excepted). */
  | 'system'
  /** Custom instructions or memory. */
  | 'context'
  /** `thoughts` or `reasoning_recap`. */
  | 'reasoning'
  /** Addressed to a tool (`recipient` other than `all`). */
  | 'tool-call'
  /** A tool's answer without images. */
  | 'tool-result'
  /** No content, or only empty parts (the placeholder before an answer). */
  | 'empty';

/** One message on a branch. */
export interface MessageView {
  /** The mapping key of the node holding the message. */
  nodeId: string;
  /** The message's own id (the node id when it has none). */
  id: string;
  role: string;
  authorName: string | null;
  /** Epoch seconds, from a number or a string; null when absent or unreadable. */
  createTime: number | null;
  modelSlug: string | null;
  recipient: string;
  channel: string | null;
  contentType: string;
  hidden: HiddenReason | null;
  blocks: Block[];
}

/** A fork met on a branch, and which of its children that branch goes through. */
export interface ForkOnBranch extends Fork {
  /** Index into `children` of the child on this branch (for "‹ 2/3 ›" shown 1-based). */
  selectedIndex: number;
}

/** One path through the tree, root to leaf. */
export interface Branch {
  /** Node ids, root first. */
  nodeIds: string[];
  leafId: string | null;
  /** Every node on the branch that has a message, hidden ones included (with their reason). */
  messages: MessageView[];
  forks: ForkOnBranch[];
}

/** A conversation ready to show, search and export. */
export interface ConversationView {
  id: string | null;
  title: string;
  /** The branch ChatGPT shows. */
  current: Branch;
  /** `current-node` unless `current_node` was missing or unknown (then `problems` says which). */
  currentChosenBy: LeafChoice;
  /** Every fork in the tree, children in order. */
  forks: Fork[];
  problems: TreeProblem[];
  /** The raw conversation and its links, for `branchThrough`. */
  source: { conversation: RawConversation; tree: ConversationTree };
}
