import { asArray, asNumber, asRecord, asString } from './read-json';

// Three generations of citation markers (shared/docs/chatgpt-api.md §6), all turned into Markdown links so no
// raw marker ever reaches a reader, a search index or an export:
// 1. 2023 browsing: `【11†(PrintWiki)】`, matched through `metadata.citations[]`.
// 2. 2024+: private-use code points `\uE200cite\uE202turn0search6\uE201`, matched through
//    `metadata.content_references[].matched_text` (replacing by text, not by the `start_idx` offsets).
// 3. The same with the private-use characters stripped (`citeturn0search6`), as copy and paste leaves it.

/** A source a message cites. */
export interface Citation {
  title: string;
  /** An http(s) URL, or null for a source without one (an uploaded file). */
  url: string | null;
}

/** Text with its citation markers replaced by Markdown links, and the sources it cites (each URL once). */
export interface ResolvedText {
  markdown: string;
  citations: Citation[];
}

const PRIVATE_USE = /[\uE200-\uE204]/g;
/** A whole 2024+ marker: `\uE200` kind `\uE202` args … `\uE201`. */
const MARKER = /\uE200[^\uE200\uE201]*\uE201/g;
/** Generation 3: a marker whose private-use characters were stripped. */
const STRIPPED_MARKER = /(?:file)?cite(?:turn\d+[a-z]+\d+)+/gi;
const WHOLE_STRIPPED_MARKER = /^(?:file)?cite(?:turn\d+[a-z]+\d+)+$/i;
/** Generation 1, as the `tether_og` citation format names it. */
const FOOTNOTE = /【(\d+)(?::\d+)?†[^†【】]*[^【】]*?】/g;

/** Replaces every citation marker in `text` with links to its sources, using the message's metadata. */
export function resolveCitations(text: string, metadata: Record<string, unknown> | null | undefined): ResolvedText {
  const sources = new Map<string, Citation>();
  const cite = (found: Citation[]): string => {
    for (const citation of found) if (citation.url !== null) sources.set(citation.url, citation);
    return renderCitations(found);
  };

  let markdown = text.includes('【') ? resolveFootnotes(text, metadata, cite) : text;

  const references = asArray(metadata?.content_references).flatMap((value) => {
    const reference = asRecord(value);
    const matched = asString(reference?.matched_text);
    return reference && matched ? [{ reference, matched }] : [];
  });
  // Longest first, so a marker that contains another is replaced whole.
  references.sort((a, b) => b.matched.length - a.matched.length);
  for (const { reference, matched } of references) {
    const stripped = matched.replace(PRIVATE_USE, '');
    const isMarker = stripped !== matched;
    if (isMarker && markdown.includes(matched)) {
      markdown = markdown.split(matched).join(cite(referenceCitations(reference)) || fallbackText(reference));
    }
    // Generation 3: the same marker with its private-use characters already gone.
    if ((isMarker || WHOLE_STRIPPED_MARKER.test(matched)) && WHOLE_STRIPPED_MARKER.test(stripped)) {
      if (markdown.includes(stripped)) markdown = markdown.split(stripped).join(cite(referenceCitations(reference)));
    }
    if (asString(reference.type) === 'sources_footnote') cite(linkList(reference.sources));
  }

  // Markers no reference explains are removed, never shown raw; highlight marks (U+E203, U+E204) keep their text.
  markdown = markdown.replace(MARKER, '').replace(STRIPPED_MARKER, '').replace(PRIVATE_USE, '');
  return { markdown, citations: [...sources.values()] };
}

function resolveFootnotes(
  text: string,
  metadata: Record<string, unknown> | null | undefined,
  cite: (found: Citation[]) => string,
): string {
  const citations = asArray(metadata?.citations).flatMap((value) => {
    const record = asRecord(value);
    return record ? [record] : [];
  });
  return text.replace(FOOTNOTE, (marker, index: string, offset: number) => {
    const byOffset = citations.find(
      (c) => asNumber(c.start_ix) === offset && asNumber(c.end_ix) === offset + marker.length,
    );
    const byIndex = citations.find(
      (c) => asNumber(asRecord(asRecord(c.metadata)?.extra)?.cited_message_idx) === Number(index),
    );
    const source = asRecord((byOffset ?? byIndex)?.metadata);
    if (source === undefined) return '';
    const title = asString(source.title) || asString(source.name) || '';
    const url = safeUrl(source.url);
    if (url === null && title === '') return '';
    return cite([{ title: title || hostOf(url ?? ''), url }]);
  });
}

/** The linked sources of one `content_references` entry: its items, else fallback items, else its safe URLs. */
function referenceCitations(reference: Record<string, unknown>): Citation[] {
  const items = linkList(reference.items);
  if (items.length > 0) return items;
  const fallback = linkList(reference.fallback_items);
  if (fallback.length > 0) return fallback;
  return asArray(reference.safe_urls).flatMap((value) => {
    const url = safeUrl(value);
    return url === null ? [] : [{ title: hostOf(url), url }];
  });
}

function linkList(value: unknown): Citation[] {
  return asArray(value).flatMap((entry) => {
    const item = asRecord(entry);
    const url = safeUrl(item?.url);
    if (item === undefined || url === null) return [];
    const title = clean(asString(item.title) || asString(item.attribution) || hostOf(url));
    return [{ title, url }];
  });
}

/** What stands in for a marker whose reference has no link (an entity, an image group): its `alt`, if any. */
function fallbackText(reference: Record<string, unknown>): string {
  const alt = clean(asString(reference.alt) ?? '');
  return /^[\s()[\]]*$/.test(alt) ? '' : alt;
}

function renderCitations(citations: Citation[]): string {
  if (citations.length === 0) return '';
  const links = citations.map(({ title, url }) =>
    url === null ? escapeLinkText(title) : `[${escapeLinkText(title)}](${escapeUrl(url)})`,
  );
  return `(${links.join(', ')})`;
}

/** The URL if it is http(s), so a citation can never become a `javascript:` link. */
function safeUrl(value: unknown): string | null {
  const text = asString(value);
  if (text === undefined) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : null;
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function clean(text: string): string {
  return text.replace(PRIVATE_USE, '').replace(/\s+/g, ' ').trim();
}

function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (char) => `\\${char}`);
}

function escapeUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
