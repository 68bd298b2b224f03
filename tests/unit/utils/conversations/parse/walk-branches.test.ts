import { describe, expect, it } from 'vitest';
import { RawConversationSchema } from '@/utils/conversations/model';
import { branchThrough, parseConversation } from '@/utils/conversations/parse/parse-conversation';
import { buildMessage, buildTree, FIXED_NOW } from '../../../../factories';

const parse = (raw: unknown) => parseConversation(RawConversationSchema.parse(raw));
const at = (seconds: number) => buildMessage(`m${seconds}`, { create_time: FIXED_NOW / 1000 + seconds });

// root ─ q ─┬─ a1
//           ├─ a2 ─ q2 ─ a3
//           └─ a4          (a4 is the newest leaf; current_node names a3)
const forked = buildTree(
  [
    ['root', null, ['q'], null],
    ['q', 'root', ['a1', 'a2', 'a4'], at(1)],
    ['a1', 'q', [], at(2)],
    ['a2', 'q', ['q2'], at(3)],
    ['q2', 'a2', ['a3'], at(4)],
    ['a3', 'q2', [], at(5)],
    ['a4', 'q', [], at(9)],
  ],
  { current_node: 'a3' },
);

describe('the current branch', () => {
  it('should walk from current_node to the root, root first, and say current_node chose it', () => {
    const view = parse(forked);
    expect(view.current.nodeIds).toEqual(['root', 'q', 'a2', 'q2', 'a3']);
    expect(view.currentChosenBy).toBe('current-node');
    expect(view.problems).toEqual([]);
  });

  it.each([
    ['missing', undefined, { kind: 'current-node-missing' }],
    ['null', null, { kind: 'current-node-missing' }],
    ['naming no node', 'gone', { kind: 'current-node-unknown', nodeId: 'gone' }],
  ])('should fall back to the newest leaf when current_node is %s, and report it', (_label, currentNode, problem) => {
    const view = parse({ ...forked, current_node: currentNode });
    expect(view.current.leafId).toBe('a4');
    expect(view.current.nodeIds).toEqual(['root', 'q', 'a4']);
    expect(view.currentChosenBy).toBe('newest-leaf');
    expect(view.problems).toEqual([problem]);
  });

  it('should give an empty branch for an empty mapping', () => {
    const view = parse({ mapping: {} });
    expect(view.current).toEqual({ nodeIds: [], leafId: null, messages: [], forks: [] });
    expect(view.currentChosenBy).toBe('none');
  });

  it('should report links to nodes that do not exist and start the branch at the highest node found', () => {
    const view = parse(
      buildTree([
        ['a', 'lost-parent', ['b', 'lost-child']],
        ['b', 'a', []],
      ]),
    );
    expect(view.current.nodeIds).toEqual(['a', 'b']);
    expect(view.problems).toEqual([
      { kind: 'missing-node', nodeId: 'lost-parent', referencedBy: 'a' },
      { kind: 'missing-node', nodeId: 'lost-child', referencedBy: 'a' },
    ]);
  });
});

describe('forks', () => {
  it('should list every fork with its children in order, and which child the current branch takes', () => {
    const view = parse(forked);
    expect(view.forks).toEqual([{ nodeId: 'q', children: ['a1', 'a2', 'a4'] }]);
    expect(view.current.forks).toEqual([{ nodeId: 'q', children: ['a1', 'a2', 'a4'], selectedIndex: 1 }]);
  });

  it('should give the branch through a chosen child, down to the newest leaf below it', () => {
    const view = parse(forked);
    const first = branchThrough(view, 'a1');
    expect(first.nodeIds).toEqual(['root', 'q', 'a1']);
    expect(first.forks).toEqual([{ nodeId: 'q', children: ['a1', 'a2', 'a4'], selectedIndex: 0 }]);
    expect(first.messages.map((m) => m.nodeId)).toEqual(['q', 'a1']);
    expect(branchThrough(view, 'a4').leafId).toBe('a4');
    expect(branchThrough(view, 'q2')).toBe(view.current);
    expect(branchThrough(view, 'nowhere').nodeIds).toEqual([]);
  });

  it('should take the newest leaf below a chosen node, and the later child on a tie', () => {
    const tie = buildTree(
      [
        ['r', null, ['x', 'y'], null],
        ['x', 'r', [], at(1)],
        ['y', 'r', ['y1', 'y2'], at(1)],
        ['y1', 'y', [], at(7)],
        ['y2', 'y', [], at(7)],
      ],
      { current_node: 'x' },
    );
    expect(branchThrough(parse(tie), 'y').leafId).toBe('y2');
  });
});

describe('broken trees', () => {
  it('should stop at a cycle in parent links, keep what it walked, and report the cycle', () => {
    const view = parse(
      buildTree(
        [
          ['a', 'b', ['b']],
          ['b', 'a', ['a']],
        ],
        { current_node: 'a' },
      ),
    );
    expect(view.current.nodeIds).toEqual(['b', 'a']);
    expect(view.problems).toContainEqual({ kind: 'cycle', nodeId: expect.any(String) });
  });

  it('should report a cycle away from the current branch, once', () => {
    const raw = buildTree(
      [
        ['r', null, ['a'], null],
        ['a', 'r', [], at(1)],
        ['x', 'y', ['y'], at(2)],
        ['y', 'x', ['x'], at(3)],
      ],
      { current_node: 'a' },
    );
    const view = parse(raw);
    expect(view.current.nodeIds).toEqual(['r', 'a']);
    expect(view.problems).toEqual([{ kind: 'cycle', nodeId: 'x' }]);
  });

  it('should survive a cycle in children links when choosing a branch through a node', () => {
    const raw = buildTree(
      [
        ['r', null, ['a'], null],
        ['a', 'r', ['b'], at(1)],
        ['b', 'a', ['a'], at(2)],
      ],
      { current_node: 'r' },
    );
    const view = parse(raw);
    expect(branchThrough(view, 'a').nodeIds).toEqual(['r', 'a']);
  });

  it('should walk a 10,000-node chat with a fork at every 100th node without overflowing the stack', () => {
    const nodes: [string, string | null, string[], Record<string, unknown> | null][] = [['n0', null, [], null]];
    for (let i = 1; i < 10_000; i++) {
      const parent = nodes[i - 1];
      parent?.[2].push(`n${i}`);
      if (i % 100 === 0) parent?.[2].push(`side${i}`);
      nodes.push([`n${i}`, `n${i - 1}`, [], at(i)]);
    }
    for (let i = 100; i < 10_000; i += 100) nodes.push([`side${i}`, `n${i - 1}`, [], at(i)]);
    const raw = RawConversationSchema.parse(buildTree(nodes, { current_node: 'n9999' }));
    const started = performance.now();
    const view = parseConversation(raw);
    const branch = branchThrough(view, 'side5000');
    console.log(`10,000-node chat parsed and re-branched in ${Math.round(performance.now() - started)} ms`);
    expect(view.current.nodeIds).toHaveLength(10_000);
    expect(view.current.messages).toHaveLength(9_999);
    expect(view.forks).toHaveLength(99);
    expect(branch.nodeIds).toHaveLength(5_001);
    expect(branch.forks.at(-1)).toMatchObject({ nodeId: 'n4999', selectedIndex: 1 });
  });
});
