import type { IndexableConversation } from '@/utils/search/model';
import type { ConversationRecord } from './model';
import { RawConversationSchema } from './model';
import { parseConversation } from './parse/parse-conversation';
import { searchableText } from './parse/searchable-text';

/**
 * What the search index needs of a stored chat: its visible messages' plain text on the current branch, read
 * from the body exactly as stored. Throws for a body that is not a conversation (the store has already refused
 * those).
 */
export function toIndexable(record: ConversationRecord, bodyText: string): IndexableConversation {
  const view = parseConversation(RawConversationSchema.parse(JSON.parse(bodyText)));
  const messages = searchableText(view).flatMap((entry) =>
    entry.messageId === null ? [] : [{ messageId: entry.messageId, text: entry.text }],
  );
  return { id: record.id, accountId: record.accountId, title: record.title, updatedAt: record.updatedAt, messages };
}
