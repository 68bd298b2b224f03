import { toEpochMs } from '@/utils/shared/time';
import type { RawConversation, RawNode } from '../model';

// The message tree of a conversation, walked with loops only: chats with thousands of nodes overflowed the call
// stacks of tools that recursed (huhusmang/ChatGPT-Exporter#18). Links come from ChatGPT and are not trusted:
// a `parent` or child may name a node that does not exist, and links may form a cycle.

/** Something wrong with the links of the tree, found while walking it. */
export type TreeProblem =
  /** `current_node` is absent, so the newest leaf was shown instead. */
  | { kind: 'current-node-missing' }
  /** `current_node` names a node the mapping does not have, so the newest leaf was shown instead. */
  | { kind: 'current-node-unknown'; nodeId: string }
  /** Following `parent` (or `children`) links from `nodeId` came back to a node already visited. */
  | { kind: 'cycle'; nodeId: string }
  /** A node's `parent` or `children` names a node the mapping does not have. */
  | { kind: 'missing-node'; nodeId: string; referencedBy: string };

/** A node with more than one child: an edited prompt or a regenerated answer. */
export interface Fork {
  nodeId: string;
  /** Child node ids in ChatGPT's order (the order of the "‹ n/m ›" switcher). */
  children: string[];
}

/** The links of every node, with references to absent nodes dropped (and reported). */
export interface ConversationTree {
  parents: ReadonlyMap<string, string>;
  children: ReadonlyMap<string, readonly string[]>;
  /** Epoch milliseconds of each node's message, for choosing the newest leaf. */
  times: ReadonlyMap<string, number>;
  problems: TreeProblem[];
}

/** Indexes the mapping's links, dropping (and reporting) links to nodes that do not exist. */
export function buildTree(mapping: Record<string, RawNode>): ConversationTree {
  const parents = new Map<string, string>();
  const children = new Map<string, string[]>();
  const times = new Map<string, number>();
  const problems: TreeProblem[] = [];
  for (const [id, node] of Object.entries(mapping)) {
    const parent = node.parent ?? undefined;
    if (parent !== undefined) {
      if (parent in mapping) parents.set(id, parent);
      else problems.push({ kind: 'missing-node', nodeId: parent, referencedBy: id });
    }
    const present: string[] = [];
    for (const child of node.children ?? []) {
      if (child in mapping) present.push(child);
      else problems.push({ kind: 'missing-node', nodeId: child, referencedBy: id });
    }
    children.set(id, present);
    const time = toEpochMs(node.message?.create_time);
    if (time !== undefined) times.set(id, time);
  }
  return { parents, children, times, problems };
}

/** Node ids from the root down to `nodeId` (root first), stopping where `parent` links loop. */
export function pathToRoot(tree: ConversationTree, nodeId: string): { nodeIds: string[]; cycleAt?: string } {
  const nodeIds: string[] = [];
  const seen = new Set<string>();
  let current: string | undefined = nodeId;
  while (current !== undefined) {
    if (seen.has(current)) {
      return { nodeIds: nodeIds.reverse(), cycleAt: current };
    }
    seen.add(current);
    nodeIds.push(current);
    current = tree.parents.get(current);
  }
  return { nodeIds: nodeIds.reverse() };
}

/**
 * The newest leaf at or below `nodeId` (by message time; on a tie the later one in child order, as a
 * regeneration is appended), or `nodeId` itself when it has no children. Reports a cycle in `children` links.
 */
export function newestLeafUnder(tree: ConversationTree, nodeId: string): { leafId: string; cycleAt?: string } {
  let best: { id: string; time: number } | undefined;
  let cycleAt: string | undefined;
  const seen = new Set<string>([nodeId]);
  const stack = [nodeId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const kids = tree.children.get(id) ?? [];
    if (kids.length === 0) {
      const time = tree.times.get(id) ?? Number.NEGATIVE_INFINITY;
      if (best === undefined || time >= best.time) best = { id, time };
      continue;
    }
    // Pushed in reverse so children pop in order, and a tie goes to the later child.
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i] as string;
      if (seen.has(kid)) cycleAt ??= kid;
      else {
        seen.add(kid);
        stack.push(kid);
      }
    }
  }
  return { leafId: best?.id ?? nodeId, ...(cycleAt === undefined ? {} : { cycleAt }) };
}

/** The newest leaf of the whole tree (a node without children), or undefined for a tree with none. */
export function newestLeaf(tree: ConversationTree): string | undefined {
  let best: { id: string; time: number } | undefined;
  for (const [id, kids] of tree.children) {
    if (kids.length > 0) continue;
    const time = tree.times.get(id) ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || time >= best.time) best = { id, time };
  }
  return best?.id;
}

/** How the leaf of the shown branch was chosen. */
export type LeafChoice = 'current-node' | 'newest-leaf' | 'none';

/**
 * The leaf of the branch the user sees: `current_node`, or the newest leaf when it is missing or names no node
 * (then a problem says which). `none` only for an empty mapping or one made only of cycles.
 */
export function chooseCurrentLeaf(
  conversation: RawConversation,
  tree: ConversationTree,
): { leafId: string | undefined; chosenBy: LeafChoice; problem?: TreeProblem } {
  const requested = conversation.current_node ?? undefined;
  if (requested !== undefined && requested in conversation.mapping) {
    return { leafId: requested, chosenBy: 'current-node' };
  }
  const problem: TreeProblem =
    requested === undefined ? { kind: 'current-node-missing' } : { kind: 'current-node-unknown', nodeId: requested };
  const leafId = newestLeaf(tree) ?? Object.keys(conversation.mapping).at(-1);
  return { leafId, chosenBy: leafId === undefined ? 'none' : 'newest-leaf', problem };
}

/** Every node with more than one child, in mapping order. */
export function listForks(tree: ConversationTree): Fork[] {
  const forks: Fork[] = [];
  for (const [nodeId, kids] of tree.children) if (kids.length > 1) forks.push({ nodeId, children: [...kids] });
  return forks;
}

/**
 * Nodes whose `parent` links loop (one per loop), found in one pass: each walk up stops at a node an earlier
 * walk finished, so the whole tree costs O(nodes).
 */
export function findParentCycles(tree: ConversationTree): string[] {
  const finished = new Set<string>();
  const cycles: string[] = [];
  for (const start of tree.children.keys()) {
    const onPath = new Set<string>();
    let current: string | undefined = start;
    while (current !== undefined && !finished.has(current)) {
      if (onPath.has(current)) {
        cycles.push(current);
        break;
      }
      onPath.add(current);
      current = tree.parents.get(current);
    }
    for (const id of onPath) finished.add(id);
  }
  return cycles;
}
