import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { RawConversationSchema } from '@/utils/conversations/model';
import type { Branch, ConversationView } from '@/utils/conversations/parse/conversation-view';
import { branchThrough, parseConversation } from '@/utils/conversations/parse/parse-conversation';
import { getConversationBody } from '@/utils/conversations/store';
import { db } from '@/utils/db/db';
import { type Loadable, toLoadable } from './use-conversations';

/** A stored chat ready to read: its stored text, and its parsed view unless the text could not be read. */
export interface ReadableConversation {
  /** The stored JSON text exactly as kept, or undefined when no body is stored for the chat. */
  text: string | undefined;
  /** The parsed chat, or undefined when there is no body or it is not a conversation Lifeboat can read. */
  view: ConversationView | undefined;
}

/** Parses a stored body: undefined when it is not JSON or not shaped like a conversation. Never throws. */
export function readStoredConversation(text: string): ConversationView | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = RawConversationSchema.safeParse(json);
  return parsed.success ? parseConversation(parsed.data) : undefined;
}

/** The stored body of chat `id`, live (a new capture shows at once), parsed once per stored text. */
export function useConversationView(id: string): Loadable<ReadableConversation> {
  const body = useLiveQuery(async () => ({ text: (await getConversationBody(db, id))?.text }), [id]);
  const text = body?.text;
  const view = useMemo(() => (text === undefined ? undefined : readStoredConversation(text)), [text]);
  return toLoadable(body === undefined ? undefined : { text, view });
}

/** The branch a reader looks at, and how to move to another version at a fork. */
export interface BranchChoice {
  branch: Branch;
  /** Shows the branch through `nodeId` (a fork's child): its own path, then its newest answer below. */
  showBranchThrough: (nodeId: string) => void;
}

/**
 * The branch of `view` being read: ChatGPT's current one until the reader picks another version at a fork.
 * A new view (the chat was captured again) keeps the pick when its node is still there.
 */
export function useBranchChoice(view: ConversationView): BranchChoice {
  const [through, setThrough] = useState<string | null>(null);
  const branch = useMemo(() => {
    if (through === null) return view.current;
    const chosen = branchThrough(view, through);
    return chosen.nodeIds.length === 0 ? view.current : chosen;
  }, [view, through]);
  const showBranchThrough = useCallback((nodeId: string) => setThrough(nodeId), []);
  return { branch, showBranchThrough };
}
