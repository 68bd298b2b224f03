import type { Block, Branch, ConversationView } from './conversation-view';

/** The text a search index takes for one message; `messageId` null is the conversation's title. */
export interface SearchableText {
  messageId: string | null;
  text: string;
}

/**
 * The title, then the plain text of every visible message on `branch` (the current one unless given): no
 * Markdown syntax, citations as their titles, code kept as written. Messages with no text are left out.
 */
export function searchableText(view: ConversationView, branch: Branch = view.current): SearchableText[] {
  const entries: SearchableText[] = view.title === '' ? [] : [{ messageId: null, text: view.title }];
  for (const message of branch.messages) {
    if (message.hidden !== null) continue;
    const text = message.blocks
      .map(blockText)
      .filter((piece) => piece !== '')
      .join('\n');
    if (text !== '') entries.push({ messageId: message.id, text });
  }
  return entries;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'text':
      return markdownToPlainText(block.markdown);
    case 'code':
      return block.source;
    case 'image':
      return block.alt ?? '';
    case 'document':
      return [block.name, block.documentType === 'document' ? markdownToPlainText(block.content) : block.content]
        .filter(Boolean)
        .join('\n');
    case 'document-update':
      return block.updates.map((update) => update.replacement).join('\n');
    case 'quote':
      return [block.title, block.text].filter(Boolean).join('\n');
    case 'browsing':
      return [block.summary ?? '', ...block.citations.map((citation) => citation.title)].filter(Boolean).join('\n');
    case 'transcription':
    case 'context':
    case 'error':
      return block.text;
    // Run output (warnings, tracebacks) is noise in search; the code that produced it is indexed.
    case 'execution-output':
    case 'reasoning':
    case 'media':
    case 'unsupported':
      return '';
  }
}

const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * Markdown without its syntax: links and images become their text, emphasis, headings, list and quote markers,
 * table rules and HTML tags go; code (fenced or inline) keeps its characters. Good enough to index, not to show.
 */
export function markdownToPlainText(markdown: string): string {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      // Code is kept exactly as written, indentation included.
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      else lines.push(line.trimEnd());
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      continue;
    }
    lines.push(
      plainLine(line)
        .replace(/[ \t]+/g, ' ')
        .trim(),
    );
  }
  return lines.filter((line) => line.trim() !== '').join('\n');
}

function plainLine(line: string): string {
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return ''; // thematic break
  if (/^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/.test(line)) return ''; // table rule
  // Inline code and escaped characters are cut out first so nothing in them is taken for syntax, then put back.
  const kept: string[] = [];
  const keep = (text: string) => {
    kept.push(text);
    return `\uE000${kept.length - 1}\uE000`;
  };
  let text = line
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_match, _ticks, code: string) => keep(code.trim()))
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, (_match, char: string) => keep(char));
  text = text
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^(\s*>)+\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[((?:\\.|[^\]\\])*)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|\W)_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/\s*\|\s*/g, ' ');
  return text.replace(/\uE000(\d+)\uE000/g, (_match, index: string) => kept[Number(index)] ?? '');
}
