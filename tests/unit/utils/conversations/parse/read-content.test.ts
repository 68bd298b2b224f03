import { describe, expect, it } from 'vitest';
import { RawMessageSchema } from '@/utils/conversations/model';
import { readMessage } from '@/utils/conversations/parse/parse-conversation';
import { fileIdOf } from '@/utils/conversations/parse/read-content';
import { buildMessage } from '../../../../factories';

const read = (overrides: Record<string, unknown>) =>
  readMessage('node-1', RawMessageSchema.parse(buildMessage('m-1', overrides)));
const assistant = { role: 'assistant', name: null, metadata: {} };
const tool = (name: string) => ({ role: 'tool', name, metadata: {} });

describe('message fields', () => {
  it('should read id, role, author name, model, recipient and channel', () => {
    const message = read({
      author: { role: 'tool', name: 'python', metadata: {} },
      metadata: { model_slug: 'gpt-5' },
      recipient: 'all',
      channel: 'final',
    });
    expect(message).toMatchObject({
      nodeId: 'node-1',
      id: 'm-1',
      role: 'tool',
      authorName: 'python',
      modelSlug: 'gpt-5',
      recipient: 'all',
      channel: 'final',
    });
  });

  it.each([
    ['epoch seconds', 1_762_154_401.207, 1_762_154_401.207],
    ['a numeric string', '1762154401.5', 1_762_154_401.5],
    ['an ISO string', '2025-11-03T07:20:01.000Z', 1_762_154_401],
    ['milliseconds', 1_762_154_401_207, 1_762_154_401.207],
    ['null', null, null],
    ['unreadable', 'soon', null],
  ])('should normalise a create_time given as %s to epoch seconds', (_label, createTime, expected) => {
    expect(read({ create_time: createTime }).createTime).toBe(expected);
  });
});

describe('content blocks', () => {
  it('should join the string parts of a text message into one Markdown block', () => {
    expect(read({ content: { content_type: 'text', parts: ['# Title', 'body'] } }).blocks).toEqual([
      { kind: 'text', markdown: '# Title\nbody', citations: [] },
    ]);
  });

  it('should read code with its language, and no language for "unknown"', () => {
    const python = read({
      author: assistant,
      recipient: 'python',
      content: { content_type: 'code', language: 'python', text: 'print(1)' },
    });
    expect(python.blocks).toEqual([{ kind: 'code', language: 'python', source: 'print(1)' }]);
    const search = read({
      author: assistant,
      recipient: 'web.run',
      content: { content_type: 'code', language: 'unknown', text: '{}' },
    });
    expect(search.blocks).toEqual([{ kind: 'code', language: null, source: '{}' }]);
  });

  it('should call code sent to the python tool python when ChatGPT labels it "unknown"', () => {
    const message = read({
      author: assistant,
      recipient: 'python',
      content: { content_type: 'code', language: 'unknown', text: 'x = 1' },
    });
    expect(message.blocks).toEqual([{ kind: 'code', language: 'python', source: 'x = 1' }]);
  });

  it('should read execution output, then the images the run drew', () => {
    const message = read({
      author: tool('python'),
      content: { content_type: 'execution_output', text: 'done' },
      metadata: {
        aggregate_result: {
          messages: [
            { message_type: 'stream', stream_name: 'stdout', text: 'done' },
            { message_type: 'image', image_url: 'file-service://file-Chart1', width: 800, height: 600 },
          ],
        },
      },
    });
    expect(message.blocks).toEqual([
      { kind: 'execution-output', text: 'done' },
      {
        kind: 'image',
        pointer: 'file-service://file-Chart1',
        fileId: 'file-Chart1',
        width: 800,
        height: 600,
        alt: null,
      },
    ]);
    expect(message.hidden).toBeNull();
  });

  it('should read multimodal text: images (named from attachments or the DALL·E prompt), text, voice and video', () => {
    const message = read({
      content: {
        content_type: 'multimodal_text',
        parts: [
          { content_type: 'image_asset_pointer', asset_pointer: 'sediment://file_00ab', width: 706, height: 370 },
          {
            content_type: 'image_asset_pointer',
            asset_pointer: 'file-service://file-Gen',
            metadata: { dalle: { prompt: 'a lighthouse at dawn' } },
          },
          'what is in these?',
          { content_type: 'audio_transcription', text: '등대가 보여', direction: 'in' },
          { content_type: 'audio_asset_pointer', asset_pointer: 'sediment://file_audio' },
          {
            content_type: 'real_time_user_audio_video_asset_pointer',
            video_container_asset_pointer: { asset_pointer: 'sediment://file_video' },
          },
        ],
      },
      metadata: { attachments: [{ id: 'file_00ab', name: 'harbour.png' }] },
    });
    expect(message.blocks).toEqual([
      {
        kind: 'image',
        pointer: 'sediment://file_00ab',
        fileId: 'file_00ab',
        width: 706,
        height: 370,
        alt: 'harbour.png',
      },
      {
        kind: 'image',
        pointer: 'file-service://file-Gen',
        fileId: 'file-Gen',
        width: null,
        height: null,
        alt: 'a lighthouse at dawn',
      },
      { kind: 'text', markdown: 'what is in these?', citations: [] },
      { kind: 'transcription', text: '등대가 보여', direction: 'in' },
      { kind: 'media', mediaType: 'audio', pointer: 'sediment://file_audio' },
      { kind: 'media', mediaType: 'video', pointer: 'sediment://file_video' },
    ]);
  });

  it('should read thoughts and the reasoning recap as collapsed reasoning, the duration from metadata', () => {
    const thoughts = read({
      author: assistant,
      content: {
        content_type: 'thoughts',
        thoughts: [{ summary: '요청 파악', content: '사용자가 원하는 것은…', chunks: [], finished: true }],
      },
    });
    expect(thoughts.blocks).toEqual([
      {
        kind: 'reasoning',
        thoughts: [{ summary: '요청 파악', content: '사용자가 원하는 것은…' }],
        recap: null,
        durationSec: null,
        collapsedByDefault: true,
      },
    ]);
    const recap = read({
      author: assistant,
      content: { content_type: 'reasoning_recap', content: '17s 동안 생각함' },
      metadata: { finished_duration_sec: 17 },
    });
    expect(recap.blocks).toEqual([
      { kind: 'reasoning', thoughts: [], recap: '17s 동안 생각함', durationSec: 17, collapsedByDefault: true },
    ]);
  });

  it('should read a Canvas document from a create_textdoc call, as text or as code', () => {
    const payload = JSON.stringify({ name: 'plan', type: 'document', content: '# Plan' });
    const expected = [{ kind: 'document', name: 'plan', documentType: 'document', content: '# Plan' }];
    const asText = read({
      author: assistant,
      recipient: 'canmore.create_textdoc',
      content: { content_type: 'text', parts: [payload] },
    });
    expect(asText.blocks).toEqual(expected);
    expect(asText.hidden).toBeNull();
    const asCode = read({
      author: assistant,
      recipient: 'canmore.create_textdoc',
      content: { content_type: 'code', language: 'json', text: payload },
    });
    expect(asCode.blocks).toEqual(expected);
  });

  it('should read Canvas updates, and keep a Canvas call that is not JSON as what it is', () => {
    const update = read({
      author: assistant,
      recipient: 'canmore.update_textdoc',
      content: {
        content_type: 'code',
        language: 'json',
        text: '{"updates":[{"pattern":".*","multiple":true,"replacement":"new"}]}',
      },
    });
    expect(update.blocks).toEqual([
      { kind: 'document-update', updates: [{ pattern: '.*', multiple: true, replacement: 'new' }] },
    ]);
    const broken = read({
      author: assistant,
      recipient: 'canmore.create_textdoc',
      content: { content_type: 'text', parts: ['{not json'] },
    });
    expect(broken.blocks).toEqual([{ kind: 'text', markdown: '{not json', citations: [] }]);
    expect(broken.hidden).toBe('tool-call');
  });

  it('should read quotes, web pages and browsing results with their links', () => {
    const quote = read({
      author: tool('file_search'),
      content: {
        content_type: 'tether_quote',
        url: 'file-abc',
        domain: 'notes.pdf',
        title: 'notes.pdf',
        text: 'quoted',
      },
    });
    expect(quote.blocks).toEqual([
      { kind: 'quote', title: 'notes.pdf', url: 'file-abc', domain: 'notes.pdf', text: 'quoted' },
    ]);
    const page = read({
      author: tool('web.run'),
      content: {
        content_type: 'sonic_webpage',
        url: 'https://example.org/a',
        domain: 'example.org',
        title: 'A',
        text: '',
        snippet: 'snip',
      },
    });
    expect(page.blocks).toEqual([
      { kind: 'quote', title: 'A', url: 'https://example.org/a', domain: 'example.org', text: 'snip' },
    ]);
    const browsing = read({
      author: tool('browser'),
      content: { content_type: 'tether_browsing_display', result: '# 【0†A】', summary: 'two pages', assets: null },
      metadata: {
        _cite_metadata: {
          metadata_list: [
            { title: 'A', url: 'https://example.org/a', text: '' },
            { title: 'bad', url: 'javascript:alert(1)', text: '' },
          ],
        },
      },
    });
    expect(browsing.blocks).toEqual([
      {
        kind: 'browsing',
        summary: 'two pages',
        result: '# 【0†A】',
        citations: [{ title: 'A', url: 'https://example.org/a' }],
      },
    ]);
  });

  it('should read custom instructions, memory and tool errors', () => {
    expect(
      read({
        content: { content_type: 'user_editable_context', user_profile: 'I garden.', user_instructions: 'Be brief.' },
      }).blocks,
    ).toEqual([{ kind: 'context', scope: 'user', text: 'I garden.\n\nBe brief.' }]);
    expect(
      read({ content: { content_type: 'model_editable_context', model_set_context: 'likes basil' } }).blocks,
    ).toEqual([{ kind: 'context', scope: 'model', text: 'likes basil' }]);
    expect(
      read({ author: tool('web'), content: { content_type: 'system_error', name: 'tool_error', text: '500' } }).blocks,
    ).toEqual([{ kind: 'error', name: 'tool_error', text: '500' }]);
  });

  it('should keep an unknown content type as unsupported, with its raw JSON', () => {
    const content = { content_type: 'hologram', frames: [{ depth: 3 }], note: '새 형식' };
    const message = read({ author: assistant, content });
    expect(message.blocks).toEqual([{ kind: 'unsupported', contentType: 'hologram', rawJson: expect.any(String) }]);
    const [block] = message.blocks;
    expect(block?.kind === 'unsupported' && JSON.parse(block.rawJson)).toEqual(content);
  });

  it('should keep unknown or malformed parts as unsupported, beside the parts it knows', () => {
    const message = read({
      content: {
        content_type: 'multimodal_text',
        parts: ['before', { content_type: 'sticker', id: 7 }, 42, null, { no: 'type' }, 'after'],
      },
    });
    expect(message.blocks.map((block) => block.kind)).toEqual([
      'text',
      'unsupported',
      'unsupported',
      'unsupported',
      'text',
    ]);
    expect(message.blocks[1]).toEqual({
      kind: 'unsupported',
      contentType: 'sticker',
      rawJson: JSON.stringify({ content_type: 'sticker', id: 7 }, null, 2),
    });
    expect(message.blocks[2]).toMatchObject({ contentType: 'multimodal_text part', rawJson: '42' });
  });

  it.each([
    ['sediment://file_00000000e8c8', 'file_00000000e8c8'],
    ['file-service://file-VJykDEorH2BG', 'file-VJykDEorH2BG'],
    ['https://example.org/x.png', null],
  ])('should take the file id out of %s', (pointer, fileId) => {
    expect(fileIdOf(pointer)).toBe(fileId);
  });
});

describe('hidden messages', () => {
  it.each([
    ['a plain user message', {}, null],
    ['visually hidden', { metadata: { is_visually_hidden_from_conversation: true } }, 'visually-hidden'],
    ['a system message', { author: { role: 'system', metadata: {} } }, 'system'],
    [
      'a user system message',
      { author: { role: 'system', metadata: {} }, metadata: { is_user_system_message: true } },
      null,
    ],
    ['custom instructions', { content: { content_type: 'user_editable_context', user_profile: 'x' } }, 'context'],
    ['memory', { content: { content_type: 'model_editable_context', model_set_context: 'x' } }, 'context'],
    ['thoughts', { author: assistant, content: { content_type: 'thoughts', thoughts: [] } }, 'reasoning'],
    [
      'a reasoning recap',
      { author: assistant, content: { content_type: 'reasoning_recap', content: 'x' } },
      'reasoning',
    ],
    ['a call to a tool', { author: assistant, recipient: 'web.run' }, 'tool-call'],
    [
      'a tool answer in text',
      { author: tool('web.run'), content: { content_type: 'text', parts: ['results'] } },
      'tool-result',
    ],
    [
      'a tool error',
      { author: tool('web'), content: { content_type: 'system_error', name: 'e', text: 'x' } },
      'tool-result',
    ],
    [
      'a tool answer with an image',
      {
        author: tool('dalle.text2im'),
        content: {
          content_type: 'multimodal_text',
          parts: [{ content_type: 'image_asset_pointer', asset_pointer: 'file-service://file-X' }],
        },
      },
      null,
    ],
    ['a placeholder answer', { author: assistant, content: { content_type: 'text', parts: [''] } }, 'empty'],
    ['a message without content', { content: undefined }, 'empty'],
    ['an unknown content type', { author: assistant, content: { content_type: 'hologram' } }, null],
  ])('%s → %s', (_label, overrides, reason) => {
    expect(read(overrides).hidden).toBe(reason);
  });
});
