import type { RawMessage } from '../model';
import type { Block, ImageBlock } from './conversation-view';
import { asArray, asNumber, asRecord, asString } from './read-json';
import { type Citation, resolveCitations } from './resolve-citations';

// Every `content_type` of shared/docs/chatgpt-api.md §5, read into typed blocks. Anything else, or a part of an
// unexpected shape, becomes an `unsupported` block holding its raw JSON: it is never dropped and never throws.

type Metadata = Record<string, unknown> | null | undefined;

/** The blocks of one message's content, in reading order. */
export function readContent(message: RawMessage): Block[] {
  const content = message.content;
  if (content === undefined) return [];
  const metadata = message.metadata;
  const recipient = message.recipient ?? 'all';
  if (recipient.startsWith('canmore.')) {
    const canvas = readCanvas(recipient, content);
    if (canvas !== undefined) return [canvas];
  }
  switch (content.content_type) {
    case 'text':
      return readParts(content.parts, metadata, 'text');
    case 'multimodal_text':
      return readParts(content.parts, metadata, 'multimodal_text');
    case 'code': {
      const language = asString(content.language);
      // Code sent to the python tool is labelled "unknown" more often than not.
      const known = language === undefined || language === 'unknown' ? undefined : language;
      return [
        {
          kind: 'code',
          language: known ?? (recipient === 'python' ? 'python' : null),
          source: asString(content.text) ?? '',
        },
      ];
    }
    case 'execution_output':
      return [{ kind: 'execution-output', text: asString(content.text) ?? '' }, ...executionImages(metadata)];
    case 'thoughts':
      return [
        {
          kind: 'reasoning',
          thoughts: asArray(content.thoughts).flatMap((value) => {
            const thought = asRecord(value);
            return thought
              ? [{ summary: asString(thought.summary) ?? '', content: asString(thought.content) ?? '' }]
              : [];
          }),
          recap: null,
          durationSec: null,
          collapsedByDefault: true,
        },
      ];
    case 'reasoning_recap':
      return [
        {
          kind: 'reasoning',
          thoughts: [],
          recap: asString(content.content) ?? null,
          // The recap text is translated ("17s 동안 생각함"), so the duration comes from metadata only.
          durationSec: asNumber(metadata?.finished_duration_sec) ?? null,
          collapsedByDefault: true,
        },
      ];
    case 'tether_quote':
    case 'sonic_webpage':
      return [
        {
          kind: 'quote',
          title: asString(content.title) ?? '',
          url: asString(content.url) ?? null,
          domain: asString(content.domain) ?? null,
          text: asString(content.text) || asString(content.snippet) || '',
        },
      ];
    case 'tether_browsing_display':
      return [
        {
          kind: 'browsing',
          summary: asString(content.summary) ?? null,
          result: asString(content.result) ?? '',
          citations: browsingCitations(metadata),
        },
      ];
    case 'user_editable_context':
      return [
        {
          kind: 'context',
          scope: 'user',
          text: [asString(content.user_profile), asString(content.user_instructions)]
            .filter((text): text is string => text !== undefined && text !== '')
            .join('\n\n'),
        },
      ];
    case 'model_editable_context':
      return [{ kind: 'context', scope: 'model', text: asString(content.model_set_context) ?? '' }];
    case 'system_error':
      return [{ kind: 'error', name: asString(content.name) ?? 'error', text: asString(content.text) ?? '' }];
    case 'app_pairing_content':
      return [appPairing(content)];
    default:
      return [unsupported(content.content_type, content)];
  }
}

function readParts(parts: unknown[] | undefined, metadata: Metadata, contentType: string): Block[] {
  const blocks: Block[] = [];
  const strings: string[] = [];
  const flushText = () => {
    // Consecutive string parts are one piece of Markdown, joined with newlines (§5).
    const text = strings.join('\n');
    strings.length = 0;
    if (text.trim() === '') return;
    const { markdown, citations } = resolveCitations(text, metadata);
    blocks.push({ kind: 'text', markdown, citations });
  };
  for (const part of parts ?? []) {
    if (typeof part === 'string') {
      strings.push(part);
      continue;
    }
    flushText();
    const block = readPart(part, metadata, contentType);
    if (block !== undefined) blocks.push(block);
  }
  flushText();
  return blocks;
}

function readPart(part: unknown, metadata: Metadata, contentType: string): Block | undefined {
  const record = asRecord(part);
  const type = asString(record?.content_type);
  if (record === undefined || type === undefined) {
    // null parts carry nothing; numbers, arrays or typeless objects are kept raw.
    return part === null ? undefined : unsupported(`${contentType} part`, part);
  }
  switch (type) {
    case 'image_asset_pointer':
      return (
        image(record.asset_pointer, record.width, record.height, imageAlt(record, metadata)) ?? unsupported(type, part)
      );
    case 'audio_transcription': {
      const direction = asString(record.direction);
      return {
        kind: 'transcription',
        text: asString(record.text) ?? '',
        direction: direction === 'in' || direction === 'out' ? direction : null,
      };
    }
    case 'audio_asset_pointer':
      return { kind: 'media', mediaType: 'audio', pointer: asString(record.asset_pointer) ?? null };
    case 'real_time_user_audio_video_asset_pointer':
    case 'video_container_asset_pointer': {
      const video = asRecord(record.video_container_asset_pointer);
      return {
        kind: 'media',
        mediaType: 'video',
        pointer: asString(video?.asset_pointer) ?? asString(record.asset_pointer) ?? null,
      };
    }
    case 'app_pairing_content':
      return appPairing(record);
    default:
      return unsupported(type, part);
  }
}

/** The file id of an asset pointer: `sediment://file_…` and `file-service://file-…` name it after the scheme. */
export function fileIdOf(pointer: string): string | null {
  const match = /^(?:sediment|file-service):\/\/(.+)$/.exec(pointer);
  return match?.[1] ?? null;
}

function image(pointer: unknown, width: unknown, height: unknown, alt: string | null): ImageBlock | undefined {
  const text = asString(pointer);
  if (text === undefined || text === '') return undefined;
  return {
    kind: 'image',
    pointer: text,
    fileId: fileIdOf(text),
    width: asNumber(width) ?? null,
    height: asNumber(height) ?? null,
    alt,
  };
}

function imageAlt(part: Record<string, unknown>, metadata: Metadata): string | null {
  const prompt = asString(asRecord(asRecord(part.metadata)?.dalle)?.prompt);
  if (prompt) return prompt;
  const pointer = asString(part.asset_pointer) ?? '';
  const fileId = fileIdOf(pointer);
  const attachment = asArray(metadata?.attachments)
    .map(asRecord)
    .find((entry) => entry !== undefined && fileId !== null && asString(entry.id) === fileId);
  return asString(attachment?.name) ?? null;
}

/** Images a code-interpreter run drew (`metadata.aggregate_result.messages[message_type=image]`). */
function executionImages(metadata: Metadata): ImageBlock[] {
  return asArray(asRecord(metadata?.aggregate_result)?.messages).flatMap((value) => {
    const entry = asRecord(value);
    if (asString(entry?.message_type) !== 'image') return [];
    const block = image(entry?.image_url, entry?.width, entry?.height, null);
    return block === undefined ? [] : [block];
  });
}

function browsingCitations(metadata: Metadata): Citation[] {
  return asArray(asRecord(metadata?._cite_metadata)?.metadata_list).flatMap((value) => {
    const entry = asRecord(value);
    const url = asString(entry?.url);
    if (url === undefined || !/^https?:\/\//i.test(url)) return [];
    return [{ title: asString(entry?.title) || url, url }];
  });
}

/** A Canvas call: `canmore.create_textdoc` carries `{name, type, content}` as JSON, `update_textdoc` `{updates}`. */
function readCanvas(recipient: string, content: NonNullable<RawMessage['content']>): Block | undefined {
  const json = asString(content.text) ?? content.parts?.filter((part) => typeof part === 'string').join('\n');
  if (json === undefined) return undefined;
  let payload: Record<string, unknown> | undefined;
  try {
    payload = asRecord(JSON.parse(json));
  } catch {
    return undefined;
  }
  if (payload === undefined) return undefined;
  if (recipient === 'canmore.create_textdoc') {
    return {
      kind: 'document',
      name: asString(payload.name) ?? '',
      documentType: asString(payload.type) ?? 'document',
      content: asString(payload.content) ?? '',
    };
  }
  if (recipient === 'canmore.update_textdoc') {
    return {
      kind: 'document-update',
      updates: asArray(payload.updates).flatMap((value) => {
        const update = asRecord(value);
        return update
          ? [
              {
                pattern: asString(update.pattern) ?? '',
                replacement: asString(update.replacement) ?? '',
                multiple: update.multiple === true,
              },
            ]
          : [];
      }),
    };
  }
  return undefined;
}

function appPairing(record: Record<string, unknown>): Block {
  const apps = asArray(record.workspaces)
    .map((value) => asString(asRecord(value)?.app_name))
    .filter((name): name is string => name !== undefined);
  const preview = asArray(record.context_parts)
    .map((value) => asString(asRecord(value)?.text))
    .filter((text): text is string => text !== undefined)
    .join('\n');
  return { kind: 'context', scope: 'user', text: [apps.join(', '), preview].filter(Boolean).join('\n\n') };
}

function unsupported(contentType: string, raw: unknown): Block {
  let rawJson: string;
  try {
    rawJson = JSON.stringify(raw, null, 2) ?? String(raw);
  } catch {
    rawJson = String(raw);
  }
  return { kind: 'unsupported', contentType, rawJson };
}
