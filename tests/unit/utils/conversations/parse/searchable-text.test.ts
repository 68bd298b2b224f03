import { describe, expect, it } from 'vitest';
import { RawConversationSchema } from '@/utils/conversations/model';
import { parseConversation } from '@/utils/conversations/parse/parse-conversation';
import { markdownToPlainText, searchableText } from '@/utils/conversations/parse/searchable-text';
import { buildMessage, buildTree } from '../../../../factories';

describe('markdownToPlainText', () => {
  it.each([
    ['## 도서관에서 **책** 읽기', '도서관에서 책 읽기'],
    ['- [x] _done_ and *also* ~~not~~', 'done and also not'],
    ['> quoted [link text](https://a.example/x_(y)) and ![a chart](sediment://f)', 'quoted link text and a chart'],
    ['| a | b |\n|---|:-:|\n| 1 | 2 |', 'a b\n1 2'],
    ['use `a **not bold** b` here', 'use a **not bold** b here'],
    ['```python\nx = [i**2 for i in y]  # *keep*\n```\n---\nafter', 'x = [i**2 for i in y]  # *keep*\nafter'],
    ['snake_case_name and 2 * 3 * 4', 'snake_case_name and 2 * 3 * 4'],
    ['<b>tag</b> \\*escaped\\*', 'tag *escaped*'],
  ])('%j → %j', (markdown, plain) => {
    expect(markdownToPlainText(markdown)).toBe(plain);
  });
});

describe('searchableText', () => {
  it('should give the title, then each visible message as plain text with citations as their titles', () => {
    const cite = '\uE200cite\uE202turn0search0\uE201';
    const raw = buildTree([
      ['root', null, ['q'], null],
      ['q', 'root', ['call'], buildMessage('q', { content: { content_type: 'text', parts: ['**바질** 물 주기?'] } })],
      [
        'call',
        'q',
        ['a'],
        buildMessage('call', {
          author: { role: 'assistant' },
          recipient: 'web.run',
          content: { content_type: 'code', text: '{"q":"basil"}' },
        }),
      ],
      [
        'a',
        'call',
        [],
        buildMessage('a', {
          author: { role: 'assistant' },
          content: { content_type: 'text', parts: [`흙이 마르면 주세요 ${cite}\n\n\`\`\`sh\nwater --ml 200\n\`\`\``] },
          metadata: {
            content_references: [
              {
                matched_text: cite,
                type: 'grouped_webpages',
                items: [{ title: 'Basil care guide', url: 'https://g.example/' }],
              },
            ],
          },
        }),
      ],
    ]);
    expect(searchableText(parseConversation(RawConversationSchema.parse({ ...raw, title: ' Basil ' })))).toEqual([
      { messageId: null, text: 'Basil' },
      { messageId: 'q', text: '바질 물 주기?' },
      { messageId: 'a', text: '흙이 마르면 주세요 (Basil care guide)\nwater --ml 200' },
    ]);
  });
});
