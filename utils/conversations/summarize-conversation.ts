import { toEpochMs } from '@/utils/shared/time';
import type { ConversationRecord, RawConversation, RawMessage } from './model';
import { buildTree, chooseCurrentLeaf, pathToRoot } from './parse/walk-branches';

/** The fields of a ConversationRecord that are derived from the raw JSON alone. */
export type ConversationSummary = Pick<
  ConversationRecord,
  | 'title'
  | 'createdAt'
  | 'updatedAt'
  | 'updatedAtKnown'
  | 'model'
  | 'gizmoId'
  | 'isArchived'
  | 'messageCount'
  | 'branchCount'
>;

/**
 * Node ids of the branch the user sees, root first: walk `current_node` → `parent` (the parser's loop-based
 * walker). Falls back to the newest leaf when `current_node` is missing or unknown, and stops at a cycle.
 */
export function currentBranch(conversation: RawConversation): string[] {
  const tree = buildTree(conversation.mapping);
  const { leafId } = chooseCurrentLeaf(conversation, tree);
  return leafId === undefined ? [] : pathToRoot(tree, leafId).nodeIds;
}

/** Whether a person sees this message in ChatGPT's own view (user and assistant text, not tools or system). */
export function isVisibleMessage(message: RawMessage | null | undefined): message is RawMessage {
  if (!message?.content || !message.author) return false;
  const role = message.author.role;
  if (role !== 'user' && role !== 'assistant') return false;
  if (message.recipient != null && message.recipient !== 'all') return false;
  if (message.metadata?.is_visually_hidden_from_conversation === true) return false;
  const type = message.content.content_type;
  if (type === 'thoughts' || type === 'reasoning_recap' || type.endsWith('_editable_context')) return false;
  const parts = message.content.parts;
  // Placeholder answers (`parts: [""]`) precede the real one; an object part (an image) counts as content.
  if (parts !== undefined) return parts.some((part) => (typeof part === 'string' ? part.trim() !== '' : part != null));
  return true;
}

/** Derives the indexed fields of an archive row from a conversation's raw JSON. */
export function summarizeConversation(conversation: RawConversation, capturedAt: number): ConversationSummary {
  const branch = currentBranch(conversation).map((id) => conversation.mapping[id]?.message);
  const visible = branch.filter(isVisibleMessage);
  const lastAnswerModel = visible
    .filter((message) => message.author?.role === 'assistant')
    .map((message) => message.metadata?.model_slug)
    .findLast((slug): slug is string => typeof slug === 'string' && slug !== '');
  const createdAt = toEpochMs(conversation.create_time) ?? capturedAt;
  const leaves = Object.values(conversation.mapping).filter((node) => (node.children?.length ?? 0) === 0);
  const updatedAt = toEpochMs(conversation.update_time);
  return {
    title: conversation.title?.trim() ?? '',
    createdAt,
    updatedAt: updatedAt ?? createdAt,
    updatedAtKnown: updatedAt !== undefined,
    model: lastAnswerModel ?? conversation.default_model_slug ?? null,
    gizmoId: conversation.gizmo_id ?? null,
    isArchived: conversation.is_archived ?? false,
    messageCount: visible.length,
    branchCount: Math.max(1, leaves.length),
  };
}
