import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { Marked, type Token, type Tokens } from 'marked';
import { useMemo } from 'react';
import { CodeBlock } from './code-block';
import './markdown.css';

// The ONE place chat text becomes HTML (design.md, "Rendering chat content"): Markdown through `marked` with raw
// HTML escaped, then DOMPurify with a strict allow-list, then `dangerouslySetInnerHTML` on that result only.

/** Link schemes a chat's link may use; anything else (javascript:, data:, vbscript:, relative) is dropped. */
const SAFE_URL = /^(?:https?:|mailto:)/i;

/** True when `url` is an http, https or mailto address, the only links the viewer ever makes clickable. */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL.test(url.trim());
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with every HTML-significant character escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    // Raw HTML in a chat is text the user or the model typed, never markup: show it as written.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    // Links other than http, https and mailto stay as their text (DOMPurify would drop them too).
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!isSafeUrl(href)) return text;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${titleAttribute}>${text}</a>`;
    },
    // Remote images would load from the network (and tell their host the chat was read): show a link instead.
    image: ({ href, text }: Tokens.Image) =>
      isSafeUrl(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>` : escapeHtml(text),
  },
});

/** What DOMPurify keeps: the elements GFM produces, without images, forms, media, SVG, MathML or styles. */
const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
  ],
  ALLOWED_ATTR: ['href', 'title', 'align', 'start', 'class', 'type', 'checked', 'disabled'],
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

const purifiers = new WeakMap<object, DOMPurify>();

/** A DOMPurify bound to `win`, with the hooks that finish links, task-list boxes and code classes. */
function purifierFor(win: WindowLike): DOMPurify {
  const cached = purifiers.get(win);
  if (cached !== undefined) return cached;
  const purify = createDOMPurify(win);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (typeof element.getAttribute !== 'function') return;
    const tag = element.tagName.toLowerCase();
    if (tag === 'a') {
      const href = element.getAttribute('href');
      if (href === null || !isSafeUrl(href)) element.removeAttribute('href');
      element.setAttribute('rel', 'noopener noreferrer');
      element.setAttribute('target', '_blank');
    }
    // GFM task lists are the only inputs marked makes: keep them as read-only check boxes.
    if (tag === 'input') {
      element.setAttribute('type', 'checkbox');
      element.setAttribute('disabled', '');
    }
    // Only marked's `language-…` class on code survives, so chat text cannot borrow Lifeboat's own classes.
    const classes = element.getAttribute('class');
    if (classes !== null) {
      const kept = tag === 'code' ? classes.split(/\s+/).filter((name) => /^language-[\w+#.-]+$/.test(name)) : [];
      if (kept.length === 0) element.removeAttribute('class');
      else element.setAttribute('class', kept.join(' '));
    }
  });
  purifiers.set(win, purify);
  return purify;
}

/** `markdown` as marked renders it (GFM, raw HTML escaped, images as links), before sanitising. */
export function markdownToUnsafeHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/**
 * `markdown` as sanitised HTML, safe to put into the page. Where DOMPurify cannot run (no usable DOM), the text
 * comes back escaped, as plain paragraphs: it fails closed, never open.
 */
export function markdownToHtml(markdown: string, win: WindowLike | undefined = globalThis.window): string {
  const purify = win === undefined ? undefined : purifierFor(win);
  if (purify === undefined || !purify.isSupported) {
    return markdown
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join('');
  }
  return String(purify.sanitize(markdownToUnsafeHtml(markdown), SANITIZE_CONFIG));
}

/** A stretch of Markdown: sanitised HTML, or a top-level code fence shown as a CodeBlock (with its copy button). */
export type MarkdownPart = { kind: 'html'; html: string } | { kind: 'code'; language: string | null; source: string };

/** `markdown` cut at its top-level code fences: each fence on its own, the text between them as sanitised HTML. */
export function markdownParts(markdown: string, win: WindowLike | undefined = globalThis.window): MarkdownPart[] {
  const purify = win === undefined ? undefined : purifierFor(win);
  if (purify === undefined || !purify.isSupported) return [{ kind: 'html', html: markdownToHtml(markdown, win) }];
  const tokens = marked.lexer(markdown);
  const parts: MarkdownPart[] = [];
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const html = purify.sanitize(marked.parser(Object.assign(pending, { links: tokens.links })), SANITIZE_CONFIG);
    parts.push({ kind: 'html', html: String(html) });
    pending = [];
  };
  for (const token of tokens) {
    if (token.type === 'code') {
      flush();
      const code = token as Tokens.Code;
      parts.push({ kind: 'code', language: code.lang?.split(/\s/)[0] || null, source: code.text });
    } else {
      pending.push(token);
    }
  }
  flush();
  return parts;
}

/** Chat text written in Markdown, rendered through the sanitiser; code fences get a "Copy code" button. */
export function Markdown({ markdown, className }: { markdown: string; className?: string }) {
  const parts = useMemo(() => markdownParts(markdown), [markdown]);
  return (
    <div className={className === undefined ? 'lb-markdown' : `lb-markdown ${className}`}>
      {parts.map((part, index) =>
        part.kind === 'code' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text never move.
          <CodeBlock key={index} language={part.language} source={part.source} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text never move.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the one sanitised sink (markdownParts above).
          <div key={index} className="lb-markdown__html" dangerouslySetInnerHTML={{ __html: part.html }} />
        ),
      )}
    </div>
  );
}
