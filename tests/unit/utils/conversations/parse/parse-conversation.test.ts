import { describe, expect, it } from 'vitest';
import { RawConversationSchema } from '@/utils/conversations/model';
import type { Block, ConversationView } from '@/utils/conversations/parse/conversation-view';
import { branchThrough, parseConversation } from '@/utils/conversations/parse/parse-conversation';
import { searchableText } from '@/utils/conversations/parse/searchable-text';
import { conversationIdOf, loadOwnFixtures, loadSharedFixtures } from '../../../../e2e/model-chatgpt/backend';

const parse = (raw: unknown) => parseConversation(RawConversationSchema.parse(raw));
const own = Object.fromEntries(loadOwnFixtures().map((raw) => [conversationIdOf(raw), raw]));
const ownView = (id: string) => parse(own[id]);
const visible = (view: ConversationView) => view.current.messages.filter((m) => m.hidden === null);
const kinds = (view: ConversationView) =>
  visible(view).map((m) => `${m.role}:${m.blocks.map((b) => b.kind).join('+')}`);
const blocksOf = (view: ConversationView) => view.current.messages.flatMap((m) => m.blocks);
const RAW_MARKER = /[\uE200-\uE204]|cite(?:turn\d|\uE202)|【\d+(?::\d+)?†/;

describe('parseConversation on the project fixtures', () => {
  it('own-01: follows current_node through two forks and switches to the other answers', () => {
    const view = ownView('e88b7591-31db-4e32-98dc-b35f94c662cd');
    expect(view.currentChosenBy).toBe('current-node');
    expect(view.current.leafId).toBe('e4e7ad63-5d45-404e-adcb-6fd3587597c9');
    expect(view.current.forks.map((f) => [f.children.length, f.selectedIndex])).toEqual([
      [2, 1],
      [3, 2],
    ]);
    expect(kinds(view)).toEqual(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? 'user:text' : 'assistant:text')));
    // The placeholder before the third answer is on the branch but hidden as empty.
    expect(view.current.messages.filter((m) => m.hidden === 'empty')).toHaveLength(1);
    const [firstFork, secondFork] = view.current.forks;
    const edited = branchThrough(view, firstFork?.children[0] ?? '');
    expect(edited.forks.map((f) => f.selectedIndex)).toEqual([0]);
    expect(visible({ ...view, current: edited }).at(-1)?.blocks[0]).toMatchObject({
      markdown: expect.stringContaining('reverse=True'),
    });
    const regenerated = branchThrough(view, secondFork?.children[1] ?? '');
    expect(regenerated.leafId).toBe(secondFork?.children[1]);
  });

  it('own-02: shows the code-interpreter chart, hides the code call, keeps the answer’s code block', () => {
    const view = ownView('780c4b16-a510-49fa-a2b2-bbd1c38dbe31');
    expect(kinds(view)).toEqual(['user:text', 'tool:execution-output+image', 'assistant:text']);
    const call = view.current.messages.find((m) => m.recipient === 'python');
    expect(call).toMatchObject({ hidden: 'tool-call', blocks: [{ kind: 'code', language: 'python' }] });
    const chart = blocksOf(view).find((b) => b.kind === 'image');
    expect(chart).toMatchObject({
      pointer: expect.stringMatching(/^file-service:\/\//),
      fileId: expect.stringMatching(/^file-/),
    });
    expect(searchableText(view).at(-1)?.text).toContain('October was the wettest month');
  });

  it('own-03: reads the uploaded image with its file id, size and file name', () => {
    const view = ownView('bd8ec9a1-f803-45ed-bd7c-9ec7081ab44d');
    expect(kinds(view)).toEqual(['user:image+text', 'assistant:text']);
    const [upload] = visible(view)[0]?.blocks ?? [];
    expect(upload).toMatchObject({
      kind: 'image',
      fileId: expect.stringMatching(/^file_/),
      width: expect.any(Number),
      height: expect.any(Number),
      alt: 'receipt-20251124.jpg',
    });
  });

  it('own-04: hides reasoning and the search call, and resolves every citation to a link', () => {
    const view = ownView('e4039782-67e5-43c9-ae73-35a01662e2ce');
    expect(kinds(view)).toEqual(['user:text', 'assistant:text']);
    const reasoning = view.current.messages.filter((m) => m.hidden === 'reasoning').flatMap((m) => m.blocks);
    expect(reasoning.every((b) => b.kind === 'reasoning' && b.collapsedByDefault)).toBe(true);
    expect(reasoning).toContainEqual(
      expect.objectContaining({ recap: '12초 동안 생각함', durationSec: expect.any(Number) }),
    );
    const answer = visible(view).at(-1);
    expect(answer?.channel).toBe('final');
    const text = answer?.blocks[0];
    expect(text?.kind === 'text' && text.markdown).toContain(
      '([PEP 703 – Making the Global Interpreter Lock Optional](https://peps.python.org/pep-0703/))',
    );
    expect(text?.kind === 'text' && text.markdown).not.toMatch(RAW_MARKER);
    expect(text?.kind === 'text' && text.citations.map((c) => c.url)).toEqual([
      'https://docs.python.org/3/whatsnew/3.13.html',
      'https://peps.python.org/pep-0703/',
      'https://peps.python.org/pep-0744/',
    ]);
    expect(searchableText(view).at(-1)?.text).toContain('(PEP 744 – JIT Compilation)');
  });

  it('own-05: reads the 2023 shape (root without parent or message, no top-level id)', () => {
    const view = ownView('4ca67353-d824-444b-81c1-56cf264ca243');
    expect(view.id).toBe('4ca67353-d824-444b-81c1-56cf264ca243');
    expect(view.problems).toEqual([]);
    expect(kinds(view)).toEqual(['user:text', 'assistant:text', 'user:text', 'assistant:text']);
    expect(visible(view).every((m) => typeof m.createTime === 'number')).toBe(true);
    expect(visible(view)[1]?.modelSlug).toBe('text-davinci-002-render-sha');
  });
});

// Every content_type and part type seen in the real samples, and the block each must become.
const HANDLED: Record<string, Block['kind']> = {
  text: 'text',
  multimodal_text: 'image',
  code: 'code',
  execution_output: 'execution-output',
  thoughts: 'reasoning',
  reasoning_recap: 'reasoning',
  user_editable_context: 'context',
  system_error: 'error',
};

describe('parseConversation on the real samples', () => {
  const shared = loadSharedFixtures();
  const title = (text: string) => `${text}${shared.available ? '' : ` (skipped: ${shared.reason})`}`;

  it.skipIf(!shared.available)(title('should parse every file, on every branch, without throwing'), () => {
    for (const raw of shared.conversations) {
      const view = parse(raw);
      expect(view.problems, String(raw.title)).toEqual([]);
      expect(visible(view).length, String(raw.title)).toBeGreaterThan(0);
      for (const fork of view.forks)
        for (const child of fork.children) expect(branchThrough(view, child).leafId).not.toBeNull();
    }
  });

  it.skipIf(!shared.available)(title('should handle every content_type seen, leaving none unsupported'), () => {
    const seen = new Set<string>();
    for (const raw of shared.conversations) {
      const view = parse(raw);
      for (const fork of [{ children: [view.current.leafId ?? ''] }, ...view.forks]) {
        for (const child of fork.children) {
          for (const message of branchThrough(view, child).messages) {
            seen.add(message.contentType);
            expect(HANDLED, message.contentType).toHaveProperty(message.contentType);
            expect(message.blocks.filter((b) => b.kind === 'unsupported')).toEqual([]);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(HANDLED).sort());
  });

  it.skipIf(!shared.available)(title('should leave no citation marker in any text block'), () => {
    let linked = 0;
    for (const raw of shared.conversations) {
      for (const block of blocksOf(parse(raw))) {
        if (block.kind !== 'text') continue;
        expect(block.markdown).not.toMatch(RAW_MARKER);
        linked += block.citations.length;
      }
    }
    expect(linked).toBeGreaterThan(0);
  });

  it.skipIf(!shared.available)(title('should show the Canvas document, the DALL·E image and the chart'), () => {
    const all = shared.conversations.flatMap((raw) => visible(parse(raw)).flatMap((m) => m.blocks));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'document', name: 'stablecoin_korea_strategy' }));
    expect(all.filter((b) => b.kind === 'image').map((b) => b.kind === 'image' && b.alt !== null)).toContain(true);
    expect(all.filter((b) => b.kind === 'execution-output')).toHaveLength(1);
  });
});
