import { toEpochMs } from '@/utils/shared/time';
import type { RawConversation, RawMessage } from '../model';
import type { Block, Branch, ConversationView, ForkOnBranch, HiddenReason, MessageView } from './conversation-view';
import { readContent } from './read-content';
import { asString } from './read-json';
import {
  buildTree,
  type ConversationTree,
  chooseCurrentLeaf,
  findParentCycles,
  listForks,
  newestLeafUnder,
  pathToRoot,
  type TreeProblem,
} from './walk-branches';

/** Turns a validated conversation into its current branch, forks and typed messages. Never throws on content. */
export function parseConversation(conversation: RawConversation): ConversationView {
  const tree = buildTree(conversation.mapping);
  const problems = [...tree.problems];
  for (const nodeId of findParentCycles(tree)) problems.push({ kind: 'cycle', nodeId });
  const { leafId, chosenBy, problem } = chooseCurrentLeaf(conversation, tree);
  if (problem !== undefined) problems.push(problem);
  return {
    id: conversation.conversation_id ?? conversation.id ?? null,
    title: conversation.title?.trim() ?? '',
    current: leafId === undefined ? emptyBranch() : branchTo(conversation, tree, leafId, problems),
    currentChosenBy: chosenBy,
    forks: listForks(tree),
    problems,
    source: { conversation, tree },
  };
}

/**
 * The branch through `nodeId`: the path from the root to it, then on to the newest leaf below it (the current
 * branch itself when `nodeId` is on it). For a "‹ 2/3 ›" switcher, pass the chosen child of a fork.
 */
export function branchThrough(view: ConversationView, nodeId: string): Branch {
  const { conversation, tree } = view.source;
  if (!tree.children.has(nodeId)) return emptyBranch();
  if (view.current.nodeIds.includes(nodeId)) return view.current;
  const { leafId } = newestLeafUnder(tree, nodeId);
  return branchTo(conversation, tree, leafId, []);
}

function emptyBranch(): Branch {
  return { nodeIds: [], leafId: null, messages: [], forks: [] };
}

function branchTo(
  conversation: RawConversation,
  tree: ConversationTree,
  leafId: string,
  problems: TreeProblem[],
): Branch {
  const { nodeIds, cycleAt } = pathToRoot(tree, leafId);
  if (cycleAt !== undefined && !problems.some((p) => p.kind === 'cycle'))
    problems.push({ kind: 'cycle', nodeId: cycleAt });
  const forks: ForkOnBranch[] = [];
  const messages: MessageView[] = [];
  nodeIds.forEach((nodeId, index) => {
    const children = tree.children.get(nodeId) ?? [];
    const next = nodeIds[index + 1];
    if (children.length > 1 && next !== undefined) {
      forks.push({ nodeId, children: [...children], selectedIndex: children.indexOf(next) });
    }
    const message = conversation.mapping[nodeId]?.message;
    if (message) messages.push(readMessage(nodeId, message));
  });
  return { nodeIds, leafId, messages, forks };
}

/** One message with its blocks and whether the default view hides it. */
export function readMessage(nodeId: string, message: RawMessage): MessageView {
  let blocks: Block[];
  try {
    blocks = readContent(message);
  } catch (error) {
    // readContent reads defensively; this is the last guard so one message can never fail a whole chat.
    blocks = [{ kind: 'unsupported', contentType: 'unreadable', rawJson: safeJson(message.content, error) }];
  }
  const time = toEpochMs(message.create_time);
  return {
    nodeId,
    id: message.id ?? nodeId,
    role: message.author?.role ?? 'unknown',
    authorName: message.author?.name ?? null,
    createTime: time === undefined ? null : time / 1000,
    modelSlug: asString(message.metadata?.model_slug) || null,
    recipient: message.recipient ?? 'all',
    channel: asString(message.channel) ?? null,
    contentType: message.content?.content_type ?? 'none',
    hidden: hiddenReason(message, blocks),
    blocks,
  };
}

/**
 * Why ChatGPT's own view would not show this message (shared/docs/chatgpt-api.md §5, "Which messages to hide"),
 * or null. Canvas documents and tool answers with images are shown, as ChatGPT does.
 */
export function hiddenReason(message: RawMessage, blocks: Block[]): HiddenReason | null {
  const content = message.content;
  if (content === undefined) return 'empty';
  const metadata = message.metadata;
  if (metadata?.is_visually_hidden_from_conversation === true) return 'visually-hidden';
  const role = message.author?.role;
  if (role === 'system' && metadata?.is_user_system_message !== true) return 'system';
  const type = content.content_type;
  if (type === 'user_editable_context' || type === 'model_editable_context') return 'context';
  if (type === 'thoughts' || type === 'reasoning_recap') return 'reasoning';
  const isCanvas = blocks.some((block) => block.kind === 'document' || block.kind === 'document-update');
  if ((message.recipient ?? 'all') !== 'all' && !isCanvas) return 'tool-call';
  if (role === 'tool' && !blocks.some((block) => block.kind === 'image')) return 'tool-result';
  if (blocks.length === 0) return 'empty';
  return null;
}

function safeJson(value: unknown, error: unknown): string {
  try {
    return JSON.stringify({ content: value, error: String(error) }, null, 2);
  } catch {
    return String(error);
  }
}
