import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { List, nextRowIndex } from '@/components/list';

describe('nextRowIndex', () => {
  it.each([
    ['ArrowDown', 0, 5, 1],
    ['ArrowDown', 4, 5, 4],
    ['ArrowUp', 2, 5, 1],
    ['ArrowUp', 0, 5, 0],
    ['Home', 3, 5, 0],
    ['End', 0, 5, 4],
    ['PageDown', 0, 25, 10],
    ['PageDown', 20, 25, 24],
    ['PageUp', 5, 25, 0],
  ])('should move %s from row %i of %i to row %i', (key, current, count, expected) => {
    expect(nextRowIndex(key, current, count)).toBe(expected);
  });

  it('should leave other keys and empty lists alone', () => {
    expect(nextRowIndex('Enter', 1, 5)).toBeUndefined();
    expect(nextRowIndex('ArrowLeft', 1, 5)).toBeUndefined();
    expect(nextRowIndex('ArrowDown', 0, 0)).toBeUndefined();
  });
});

describe('List', () => {
  it('should render a labelled list whose first row alone is in the Tab order', () => {
    const html = renderToStaticMarkup(
      <List
        aria-label="Saved chats"
        items={['a', 'b', 'c']}
        getKey={(item) => item}
        renderItem={(item, row) => (
          <a href={`#${item}`} tabIndex={row.tabIndex}>
            {item}
          </a>
        )}
      />,
    );
    expect(html).toMatch(/^<ul class="lb-list" aria-label="Saved chats">/);
    expect(html.match(/<li /g)).toHaveLength(3);
    expect(html).toContain('<a href="#a" tabindex="0">a</a>');
    expect(html).toContain('<a href="#b" tabindex="-1">b</a>');
    expect(html).toContain('<a href="#c" tabindex="-1">c</a>');
  });
});
