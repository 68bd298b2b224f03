import { describe, expect, it } from 'vitest';
import { resolveCitations } from '@/utils/conversations/parse/resolve-citations';

const marker = (...refs: string[]) => `\uE200cite\uE202${refs.join('\uE202')}\uE201`;
const page = (title: string, url: string) => ({ title, url, attribution: new URL(url).hostname });
const NO_MARKERS = /[\uE200-\uE204]|cite(turn|\uE202)|【\d+/;

describe('resolveCitations', () => {
  it('should turn a 2023 footnote into a link through metadata.citations', () => {
    const text = 'Basil needs sun 【3†(Garden Wiki)】.';
    const { markdown, citations } = resolveCitations(text, {
      citations: [
        {
          start_ix: 16,
          end_ix: 30,
          metadata: { title: 'Basil care', url: 'https://garden.example/basil', extra: { cited_message_idx: 3 } },
        },
      ],
    });
    expect(markdown).toBe('Basil needs sun ([Basil care](https://garden.example/basil)).');
    expect(citations).toEqual([{ title: 'Basil care', url: 'https://garden.example/basil' }]);
  });

  it('should find a footnote by its index when offsets differ, show a file by name, and drop an unknown one', () => {
    const { markdown } = resolveCitations('A【1†source】 B【4:0†source】 C【9†source】', {
      citations: [
        {
          start_ix: 0,
          end_ix: 0,
          metadata: { title: 'One', url: 'https://one.example/', extra: { cited_message_idx: 1 } },
        },
        { start_ix: 13, end_ix: 25, metadata: { type: 'file', name: 'notes.pdf', extra: { cited_message_idx: 4 } } },
      ],
    });
    expect(markdown).toBe('A([One](https://one.example/)) B(notes.pdf) C');
  });

  it('should replace 2024 private-use markers by their content_references, with every item as a link', () => {
    const cite = marker('turn0search1', 'turn0search2');
    const { markdown, citations } = resolveCitations(`Python 3.13 has a JIT ${cite}.`, {
      content_references: [
        {
          matched_text: cite,
          type: 'grouped_webpages',
          items: [
            page('PEP 744 – JIT [Compilation]', 'https://peps.example/pep-0744/'),
            page('What’s new', 'https://docs.example/3.13 (new)'),
          ],
        },
      ],
    });
    expect(markdown).toBe(
      'Python 3.13 has a JIT ([PEP 744 – JIT \\[Compilation\\]](https://peps.example/pep-0744/), [What’s new](https://docs.example/3.13%20%28new%29)).',
    );
    expect(citations.map((c) => c.title)).toEqual(['PEP 744 – JIT [Compilation]', 'What’s new']);
  });

  it('should use fallback items, then safe URLs, when a reference has no items', () => {
    const a = marker('turn0search4');
    const b = marker('turn0search5');
    const { markdown } = resolveCitations(`one ${a} two ${b}`, {
      content_references: [
        {
          matched_text: a,
          type: 'grouped_webpages',
          items: [],
          fallback_items: [page('Rev', 'https://rev.example/t')],
        },
        { matched_text: b, type: 'grouped_webpages', items: [], safe_urls: ['https://www.video.example/watch'] },
      ],
    });
    expect(markdown).toBe('one ([Rev](https://rev.example/t)) two ([video.example](https://www.video.example/watch))');
  });

  it('should resolve a marker whose private-use characters were stripped (copy and paste)', () => {
    const cite = marker('turn0search6');
    const { markdown } = resolveCitations('Limits apply citeturn0search6.', {
      content_references: [
        { matched_text: cite, type: 'grouped_webpages', items: [page('Law', 'https://law.example/')] },
      ],
    });
    expect(markdown).toBe('Limits apply ([Law](https://law.example/)).');
  });

  it('should remove markers that nothing explains, and keep highlighted text without its marks', () => {
    const { markdown, citations } = resolveCitations(
      `Seen ${marker('turn2view3')} and citeturn2view3turn1search0 and \uE203highlighted\uE204 text.`,
      {},
    );
    expect(markdown).toBe('Seen  and  and highlighted text.');
    expect(markdown).not.toMatch(NO_MARKERS);
    expect(citations).toEqual([]);
  });

  it('should leave attribution spans as text, use alt for entity markers, and collect footnote sources', () => {
    const entity = '\uE200entity\uE202["city","Seoul"]\uE201';
    const { markdown, citations } = resolveCitations(`**Bold claim** about ${entity}. `, {
      content_references: [
        { matched_text: '**Bold claim**', type: 'attribution', alt: '**Bold claim**' },
        { matched_text: entity, type: 'entity', alt: 'Seoul' },
        { matched_text: ' ', type: 'sources_footnote', sources: [page('Source', 'https://source.example/')] },
      ],
    });
    expect(markdown).toBe('**Bold claim** about Seoul. ');
    expect(citations).toEqual([{ title: 'Source', url: 'https://source.example/' }]);
  });

  it('should never make a link of a URL that is not http(s)', () => {
    const cite = marker('turn0search0');
    const { markdown } = resolveCitations(`x ${cite}`, {
      content_references: [
        { matched_text: cite, type: 'grouped_webpages', items: [{ title: 'evil', url: 'javascript:alert(1)' }] },
      ],
    });
    expect(markdown).toBe('x ');
  });
});
