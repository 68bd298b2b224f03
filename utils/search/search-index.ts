import type { ArchiveDb } from '@/utils/db/database';
import { makeSnippet, matchText, type TextMatches } from './make-snippet';
import type { IndexableConversation, SearchDocRecord, SearchResult } from './model';
import { addIndexTerms, parseQuery, type QueryWord, type TermLookup, TITLE_MARK } from './tokenize';

// The archive's full-text index: one `searchDocs` row per conversation with a multiEntry index of its terms
// (see tokenize.ts). A search looks up each query term with key-only range scans (no rows read), intersects
// the conversation ids, ranks them, and reads only the rows it shows, for their snippets. In `npm run bench`
// this layout built ten times faster than a table of [term, conversationId] rows, but it still writes one
// index entry per distinct term (~1,400 per generated chat), which makes it slow to build (README, "Benchmarks").

export const DEFAULT_SEARCH_LIMIT = 20;
const MAX_SEARCH_LIMIT = 100;
/** Candidates whose text is read per step while looking for `limit` results that really match. */
const VERIFY_BATCH = 25;
/** At most this many candidates are read to confirm Hangul/CJK matches (bigrams can coincide by chance). */
const MAX_VERIFIED = 1000;

/** The index row for one conversation; pure, so tests and the bench can inspect it. */
export function toSearchDoc(conversation: IndexableConversation, indexedAt: number): SearchDocRecord {
  const terms = new Set<string>();
  addIndexTerms(conversation.title, terms);
  addIndexTerms(conversation.title, terms, TITLE_MARK);
  for (const message of conversation.messages) addIndexTerms(message.text, terms);
  return {
    id: conversation.id,
    accountId: conversation.accountId,
    title: conversation.title,
    updatedAt: conversation.updatedAt,
    messages: conversation.messages.map(({ messageId, text }) => ({ messageId, text })),
    terms: [...terms],
    indexedAt,
  };
}

/**
 * Indexes conversations in one transaction, replacing whatever the index held for each (so it is idempotent).
 * Joins the caller's transaction when called inside one that includes `searchDocs`, so a chat and its index
 * entry can be stored together. Rejects with Dexie's error when the write fails; nothing is then changed.
 */
export async function indexConversations(
  db: ArchiveDb,
  conversations: readonly IndexableConversation[],
  now: number = Date.now(),
): Promise<void> {
  // Tokenised before the transaction opens: CPU work inside it would only hold it open longer.
  const docs = conversations.map((conversation) => toSearchDoc(conversation, now));
  await db.transaction('rw', db.searchDocs, () => db.searchDocs.bulkPut(docs));
}

/** Indexes one conversation, replacing its previous entry; see indexConversations. */
export function indexConversation(db: ArchiveDb, conversation: IndexableConversation, now?: number): Promise<void> {
  return indexConversations(db, [conversation], now);
}

/** Removes a conversation from the index; does nothing when it is not there. */
export async function removeConversation(db: ArchiveDb, conversationId: string): Promise<void> {
  await db.searchDocs.delete(conversationId);
}

/** Index keys of one account's entries: [accountId, updatedAt, id]. */
type DocKey = [string, number, string];

function accountDocs(db: ArchiveDb, accountId: string) {
  // [accountId] sorts before every key of the account and [accountId, []] after (arrays sort after numbers).
  return db.searchDocs.where('[accountId+updatedAt+id]').between([accountId], [accountId, []]);
}

/** The ids of the entries holding a term (or a term starting with it); key-only, no rows are read. */
async function lookUp(db: ArchiveDb, { term, prefix }: TermLookup, mark = ''): Promise<Set<string>> {
  const clause = db.searchDocs.where('terms');
  const keys = await (prefix ? clause.startsWith(mark + term) : clause.equals(mark + term)).primaryKeys();
  return new Set(keys);
}

/** The ids in every set, smallest set first so the work shrinks quickly. */
function intersect(sets: Set<string>[], within: Map<string, number>): string[] {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (smallest === undefined) return [];
  return [...smallest].filter((id) => within.has(id) && rest.every((set) => set.has(id)));
}

/** A candidate conversation before its text is read. */
interface Candidate {
  id: string;
  updatedAt: number;
  /** Query words whose every lookup hit the title. */
  inTitle: number;
}

/** Finds every candidate for the query in one read transaction, ranked: more words in the title, then newer. */
async function rankCandidates(db: ArchiveDb, accountId: string, words: QueryWord[]): Promise<Candidate[]> {
  return db.transaction('r', db.searchDocs, async () => {
    const lookups = words.flatMap((word) => word.lookups);
    const [keys, body, title] = await Promise.all([
      accountDocs(db, accountId).keys() as Promise<unknown[]> as Promise<DocKey[]>,
      Promise.all(lookups.map((lookup) => lookUp(db, lookup))),
      Promise.all(lookups.map((lookup) => lookUp(db, lookup, TITLE_MARK))),
    ]);
    const updatedAt = new Map(keys.map(([, time, id]) => [id, time]));
    const candidates = intersect(body, updatedAt).map((id) => {
      let index = 0;
      let inTitle = 0;
      for (const word of words) {
        const sets = title.slice(index, index + word.lookups.length);
        index += word.lookups.length;
        if (sets.every((set) => set.has(id))) inTitle += 1;
      }
      return { id, updatedAt: updatedAt.get(id) ?? 0, inTitle };
    });
    return candidates.sort((a, b) => b.inTitle - a.inTitle || b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1));
  });
}

/** The best place to show for a conversation, or undefined when a Hangul/CJK word is not really in its text. */
function bestMatch(doc: SearchDocRecord, words: QueryWord[], candidate: Candidate): SearchResult | undefined {
  const titleMatches = matchText(doc.title, words);
  let best: { messageId: string | null; text: string; matches: TextMatches } = {
    messageId: null,
    text: doc.title,
    matches: titleMatches,
  };
  const present = titleMatches.ranges.map((ranges) => ranges.length > 0);
  for (const message of doc.messages) {
    const matches = matchText(message.text, words);
    matches.ranges.forEach((ranges, index) => {
      if (ranges.length > 0) present[index] = true;
    });
    if (matches.found > best.matches.found || (best.messageId === null && matches.found > 0)) {
      best = { messageId: message.messageId, text: message.text, matches };
    }
  }
  // Bigrams found by the index may sit in different words; only a real occurrence counts. Latin words are
  // exact in the index, so they are not second-guessed here.
  if (words.some((word, index) => word.kind !== 'word' && !present[index])) return undefined;
  return {
    conversationId: doc.id,
    title: doc.title,
    messageId: best.messageId,
    snippet: makeSnippet(best.text, best.matches),
    score: 1 + candidate.inTitle / words.length,
    updatedAt: doc.updatedAt,
  };
}

/** What to search for: one account's conversations only. */
export interface SearchQuery {
  accountId: string;
  query: string;
  limit?: number;
}

/**
 * The account's conversations that contain every word of the query (Latin words by prefix, Korean and other
 * CJK words anywhere, particles and compounds included), best first: more query words in the title, then the
 * most recently updated. Each result names the message to open and a plain-text snippet with highlight ranges.
 * An empty or punctuation-only query finds nothing. Never returns another account's conversations.
 */
export async function searchConversations(
  db: ArchiveDb,
  { accountId, query, limit = DEFAULT_SEARCH_LIMIT }: SearchQuery,
): Promise<SearchResult[]> {
  const words = parseQuery(query);
  const wanted = Math.min(Math.max(1, Math.floor(limit)), MAX_SEARCH_LIMIT);
  if (words.length === 0) return [];
  const candidates = await rankCandidates(db, accountId, words);
  const results: SearchResult[] = [];
  const verifyLimit = Math.min(candidates.length, MAX_VERIFIED);
  for (let start = 0; start < verifyLimit && results.length < wanted; start += VERIFY_BATCH) {
    const batch = candidates.slice(start, Math.min(start + VERIFY_BATCH, verifyLimit));
    const docs = await db.searchDocs.bulkGet(batch.map((candidate) => candidate.id));
    batch.forEach((candidate, index) => {
      const doc = docs[index];
      // Read in a later transaction than the ranking: a row removed or moved in between is skipped.
      if (doc === undefined || doc.accountId !== accountId || results.length >= wanted) return;
      const result = bestMatch(doc, words, candidate);
      if (result !== undefined) results.push(result);
    });
  }
  return results;
}

/**
 * Ids of stored conversations the index lacks or holds an older copy of (another `updatedAt` or account),
 * account by account, newest first within each, at most `limit`: the work list of the job that indexes chats
 * archived before search existed. Reads keys only.
 */
export async function listUnindexed(db: ArchiveDb, limit = Number.POSITIVE_INFINITY): Promise<string[]> {
  return db.transaction('r', db.conversations, db.searchDocs, async () => {
    const indexed = new Map(
      ((await db.searchDocs.orderBy('[accountId+updatedAt+id]').keys()) as unknown[] as DocKey[]).map(
        ([accountId, updatedAt, id]) => [id, `${accountId}\u0000${updatedAt}`],
      ),
    );
    const missing: string[] = [];
    await db.conversations
      .orderBy('[accountId+updatedAt]')
      .reverse()
      .until(() => missing.length >= limit)
      .eachKey((key, cursor) => {
        const [accountId, updatedAt] = key as [string, number];
        const id = String(cursor.primaryKey);
        if (missing.length < limit && indexed.get(id) !== `${accountId}\u0000${updatedAt}`) missing.push(id);
      });
    return missing;
  });
}
