import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { escapeHtml, isSafeUrl, Markdown, markdownToHtml, markdownToUnsafeHtml } from '@/components/markdown';

// DOMPurify needs a real DOM, which unit tests do not have (linkedom lacks the parts it uses): here the Markdown
// stage and the fail-closed path are checked; tests/e2e/viewer.e2e.ts checks the whole pipeline in Chromium.

const XSS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)></svg>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
];

describe('markdownToUnsafeHtml (the marked stage)', () => {
  it.each(XSS)('should show the raw HTML %s as text, never as markup', (payload) => {
    const html = markdownToUnsafeHtml(`Look: ${payload}`);
    expect(html).not.toMatch(/<(img|script|svg|iframe|a)\b/i);
    expect(html).toContain(escapeHtml(payload).slice(0, 10));
  });

  it.each(XSS)('should show %s as text when it is a block of its own', (payload) => {
    expect(markdownToUnsafeHtml(payload)).not.toMatch(/<(img|script|svg|iframe|a)\b/i);
  });

  it('should render a code fence as code, its content escaped', () => {
    const html = markdownToUnsafeHtml('```python\nprint("<b>")\n```');
    expect(html).toContain('<pre><code class="language-python">');
    expect(html).toContain('print(&quot;&lt;b&gt;&quot;)');
  });

  it('should turn a remote image into a link and drop an image with an unsafe address', () => {
    expect(markdownToUnsafeHtml('![chart](https://example.com/a.png)')).toContain(
      '<a href="https://example.com/a.png">chart</a>',
    );
    const dataImage = markdownToUnsafeHtml('![pic](data:image/png;base64,AAAA)');
    expect(dataImage).not.toContain('<img');
    expect(dataImage).not.toContain('href="data:');
  });

  it('should render GFM tables and strikethrough', () => {
    const html = markdownToUnsafeHtml('| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~');
    expect(html).toContain('<table>');
    expect(html).toContain('<del>gone</del>');
  });
});

describe('isSafeUrl', () => {
  it.each([
    ['https://example.com', true],
    ['http://example.com', true],
    ['mailto:a@example.com', true],
    ['javascript:alert(1)', false],
    [' JavaScript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:x', false],
    ['/relative', false],
  ])('should call %s safe: %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('markdownToHtml without a DOM', () => {
  it('should fail closed: every character escaped, no markup at all', () => {
    const html = markdownToHtml(`**bold**\n\n${XSS.join(' ')}`, undefined);
    expect(html).toBe(`<p>**bold**</p><p>${escapeHtml(XSS.join(' '))}</p>`);
  });

  it('should render through the Markdown component as escaped text', () => {
    const html = renderToStaticMarkup(<Markdown markdown="<script>alert(1)</script>" />);
    expect(html).toBe(
      '<div class="lb-markdown"><div class="lb-markdown__html"><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></div></div>',
    );
  });
});

describe('links in Markdown', () => {
  it.each(['javascript:alert(1)', 'data:text/html,hi', 'vbscript:x'])(
    'should keep only the text of a %s link',
    (href) => {
      const html = markdownToUnsafeHtml(`[click](${href})`);
      expect(html).not.toContain('<a');
      expect(html).toContain('click');
    },
  );

  it('should keep an https link', () => {
    expect(markdownToUnsafeHtml('[docs](https://example.com "Docs")')).toContain(
      '<a href="https://example.com" title="Docs">docs</a>',
    );
  });
});
