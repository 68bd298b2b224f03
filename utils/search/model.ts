import type { Snippet } from './make-snippet';

/** One message's plain text, as the archive page shows it; `messageId` is the node the page scrolls to. */
export interface IndexableMessage {
  messageId: string;
  text: string;
}

/** What the index needs of a stored conversation (derived from its JSON when it is stored). */
export interface IndexableConversation {
  id: string;
  accountId: string;
  title: string;
  /** The conversation row's `updatedAt` (ms); listUnindexed compares it to find stale entries. */
  updatedAt: number;
  messages: IndexableMessage[];
}

/**
 * One conversation in the search index (table `searchDocs`, schema v3). `terms` is a multiEntry index: every
 * distinct term of the title and messages, and the title's terms again behind TITLE_MARK. The texts are kept for
 * snippets, so a search never parses a conversation's JSON.
 */
export interface SearchDocRecord extends IndexableConversation {
  terms: string[];
  /** When this entry was written (ms). */
  indexedAt: number;
}

/** One search hit: the conversation, the message to open it at (null when only the title matched), a snippet. */
export interface SearchResult {
  conversationId: string;
  title: string;
  messageId: string | null;
  snippet: Snippet;
  /** Higher ranks first: 1 plus the share of query words found in the title. Ties go to the newer chat. */
  score: number;
  updatedAt: number;
}
