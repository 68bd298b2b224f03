import { describe, expect, it } from 'vitest';
import { saveConversation } from '@/utils/conversations/store';
import type { IndexableConversation, SearchResult } from '@/utils/search/model';
import {
  indexConversation,
  indexConversations,
  listUnindexed,
  removeConversation,
  searchConversations,
} from '@/utils/search/search-index';
import { buildAccount, buildCapture, buildRawConversation, FIXED_NOW, freshArchiveDbPerTest } from '../../../factories';

const archive = freshArchiveDbPerTest('search');
const ACCOUNT = 'user-test-1';

/** A conversation of the test account with one message per text (ids `<id>-m<n>`), updated `age` ms ago. */
function chat(id: string, title: string, texts: string[], overrides: Partial<IndexableConversation> = {}) {
  return {
    id,
    accountId: ACCOUNT,
    title,
    updatedAt: FIXED_NOW,
    messages: texts.map((text, index) => ({ messageId: `${id}-m${index}`, text })),
    ...overrides,
  };
}

async function search(query: string, accountId = ACCOUNT, limit?: number): Promise<SearchResult[]> {
  return searchConversations(archive(), { accountId, query, limit });
}
const ids = (results: SearchResult[]) => results.map((result) => result.conversationId);
/** The highlighted substrings of a result's snippet. */
const marked = (result: SearchResult | undefined) =>
  result?.snippet.highlights.map(([start, end]) => result.snippet.text.slice(start, end));

describe('searchConversations', () => {
  it('should find a Korean word followed by a particle (도서관 ↔ 도서관에서, 해바라기 ↔ 해바라기밭에서)', async () => {
    await indexConversations(archive(), [
      chat('library', '주말 계획', ['토요일에 도서관에서 책을 읽었어요']),
      chat('flowers', '여행', ['해바라기밭에서 사진을 찍었어요']),
      chat('other', '잡담', ['도시 관광 이야기', '해가 바다 위로 떠요']),
    ]);
    const library = await search('도서관');
    expect(ids(library)).toEqual(['library']);
    expect(marked(library[0])).toEqual(['도서관']);
    expect(library[0]?.messageId).toBe('library-m0');
    const flowers = await search('해바라기');
    expect(ids(flowers)).toEqual(['flowers']);
    expect(marked(flowers[0])).toEqual(['해바라기']);
  });

  it('should find a Korean word inside a compound word, and a one-syllable query by prefix', async () => {
    await indexConversation(archive(), chat('field', '여행', ['해바라기밭에서 놀았다']));
    expect(ids(await search('바라기밭'))).toEqual(['field']);
    expect(ids(await search('해'))).toEqual(['field']);
    expect(ids(await search('밭'))).toEqual(['field']);
  });

  it('should not return a chat whose bigrams only coincide in different words', async () => {
    // 도서 and 서관 are both here, but 도서관 is not.
    await indexConversation(archive(), chat('apart', '메모', ['도서 목록과 서관 이야기']));
    expect(await search('도서관')).toEqual([]);
  });

  it('should match English words by prefix, so a stem finds its inflections', async () => {
    await indexConversations(archive(), [
      chat('running', 'Morning', ['I was Running late']),
      chat('runs', 'Evening', ['The script runs nightly']),
      chat('prune', 'Garden', ['We prune the roses']),
      chat('both', 'Mixed', ['prune first, run later']),
    ]);
    expect(ids(await search('run')).sort()).toEqual(['both', 'running', 'runs']);
    // Only where a word starts: not the "run" inside "prune".
    expect(marked((await search('run')).find((result) => result.conversationId === 'both'))).toEqual(['run']);
    expect(marked((await search('runn'))[0])).toEqual(['Runn']);
    expect(await search('unning')).toEqual([]);
  });

  it('should find code identifiers by their parts, and numbers', async () => {
    await indexConversation(archive(), chat('code', 'Refactor', ['call getUserName() then HTMLParser in 2025']));
    expect(marked((await search('user'))[0])).toEqual(['User']);
    expect(marked((await search('parser'))[0])).toEqual(['Parser']);
    expect(marked((await search('getusername'))[0])).toEqual(['getUserName']);
    expect(ids(await search('2025'))).toEqual(['code']);
  });

  it('should require every query word, across Korean and English, anywhere in the chat', async () => {
    await indexConversations(archive(), [
      chat('mixed', '백업 질문', ['React 컴포넌트를 만들었어요', 'Dexie로 저장합니다']),
      chat('react-only', 'UI', ['React hooks']),
    ]);
    expect(ids(await search('react 컴포넌트'))).toEqual(['mixed']);
    expect(ids(await search('컴포넌트 dexie'))).toEqual(['mixed']);
    expect(ids(await search('react')).sort()).toEqual(['mixed', 'react-only']);
    expect(await search('react 도서관')).toEqual([]);
  });

  it('should show the message holding most query words', async () => {
    await indexConversation(archive(), chat('pick', 'Notes', ['backup first', 'nothing here', 'backup plan offline']));
    const [result] = await search('backup offline');
    expect(result?.messageId).toBe('pick-m2');
    expect(marked(result)).toEqual(['backup', 'offline']);
  });

  it('should rank title matches first, then newer chats', async () => {
    await indexConversations(archive(), [
      chat('old-body', 'Misc', ['sunflower seeds'], { updatedAt: FIXED_NOW - 2000 }),
      chat('new-body', 'Misc', ['sunflower oil'], { updatedAt: FIXED_NOW - 1000 }),
      chat('old-title', 'Sunflower field', ['photos'], { updatedAt: FIXED_NOW - 5000 }),
    ]);
    const results = await search('sunflower');
    expect(ids(results)).toEqual(['old-title', 'new-body', 'old-body']);
    expect(results.map((result) => result.score)).toEqual([2, 1, 1]);
    expect(results[0]?.messageId).toBeNull();
    expect(marked(results[0])).toEqual(['Sunflower']);
  });

  it('should honour the limit', async () => {
    await indexConversations(
      archive(),
      Array.from({ length: 30 }, (_, i) => chat(`c${i}`, 'Same', ['lifeboat'], { updatedAt: FIXED_NOW + i })),
    );
    const results = await search('lifeboat', ACCOUNT, 5);
    expect(ids(results)).toEqual(['c29', 'c28', 'c27', 'c26', 'c25']);
  });

  it("should never return another account's chats", async () => {
    await indexConversations(archive(), [
      chat('mine', 'Secret plan', ['도서관에서 만나요']),
      chat('theirs', 'Secret plan', ['도서관에서 만나요'], { accountId: 'workspace-other' }),
    ]);
    expect(ids(await search('secret 도서관'))).toEqual(['mine']);
    expect(ids(await search('secret', 'workspace-other'))).toEqual(['theirs']);
    expect(await search('secret', 'nobody')).toEqual([]);
  });

  it('should replace a conversation’s entry when it is indexed again, and change nothing the second time', async () => {
    await indexConversation(archive(), chat('edit', 'Draft', ['apples']));
    await indexConversation(archive(), chat('edit', 'Final', ['oranges']));
    await indexConversation(archive(), chat('edit', 'Final', ['oranges']));
    expect(await search('apples')).toEqual([]);
    expect(await search('draft')).toEqual([]);
    expect(ids(await search('oranges'))).toEqual(['edit']);
    expect(await archive().searchDocs.count()).toBe(1);
  });

  it('should forget a removed conversation, and accept removing one that is not indexed', async () => {
    await indexConversations(archive(), [chat('gone', 'Bye', ['farewell']), chat('kept', 'Hi', ['farewell'])]);
    await removeConversation(archive(), 'gone');
    await removeConversation(archive(), 'never-indexed');
    expect(ids(await search('farewell'))).toEqual(['kept']);
  });

  it('should find nothing for empty, whitespace or punctuation-only queries', async () => {
    await indexConversation(archive(), chat('any', 'Anything', ['some text']));
    for (const query of ['', '   ', '\n\t', '!!! ...']) expect(await search(query), JSON.stringify(query)).toEqual([]);
  });

  it('should answer a very long query without failing', async () => {
    await indexConversation(archive(), chat('long', 'Long', ['alpha beta']));
    expect(ids(await search(`alpha ${'beta '.repeat(20_000)}`))).toEqual(['long']);
    expect(await search('x'.repeat(100_000))).toEqual([]);
  });

  it('should keep HTML in chat text as plain characters in the snippet', async () => {
    const text = 'Try <img src=x onerror=alert(1)> and <script>steal()</script> here';
    await indexConversation(archive(), chat('html', 'XSS', [text]));
    const [result] = await search('onerror');
    expect(result?.snippet.text).toBe(text);
    expect(marked(result)).toEqual(['onerror']);
    expect(ids(await search('script'))).toEqual(['html']);
  });
});

describe('snippets', () => {
  it('should give highlight ranges that point at the match in Korean text with emoji', async () => {
    await indexConversation(archive(), chat('emoji', '메모', ['😀🎉 오늘은 도서관에서 공부했다 📚 fin']));
    const [result] = await search('도서관 fin');
    expect(result?.snippet.text).toBe('😀🎉 오늘은 도서관에서 공부했다 📚 fin');
    expect(result?.snippet.highlights).toEqual([
      [9, 12],
      [23, 26],
    ]);
    expect(marked(result)).toEqual(['도서관', 'fin']);
  });

  it('should cut a long message around the match, with ellipses and shifted ranges, never splitting an emoji', async () => {
    const before = '😀'.repeat(100);
    const text = `${before} the needle sits here ${'tail '.repeat(100)}`;
    await indexConversation(archive(), chat('long', 'Long', [text]));
    const [result] = await search('needle');
    const snippet = result?.snippet;
    expect(snippet?.text.startsWith('…')).toBe(true);
    expect(snippet?.text.endsWith('…')).toBe(true);
    expect(snippet?.text.length).toBeLessThan(220);
    expect(marked(result)).toEqual(['needle']);
    expect(snippet?.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('should highlight the original characters when normalisation changes their length', async () => {
    // "ﬁ" is one character that NFKC turns into "fi"; full-width letters become ASCII.
    await indexConversation(archive(), chat('nfkc', 'Text', ['a ﬁle and ＦＵＬＬ width']));
    expect(marked((await search('file'))[0])).toEqual(['ﬁle']);
    // A match that ends inside the expanded character highlights that whole character, and nothing after it.
    expect(marked((await search('fi'))[0])).toEqual(['ﬁ']);
    expect(marked((await search('full'))[0])).toEqual(['ＦＵＬＬ']);
  });

  it('should merge overlapping highlights', async () => {
    await indexConversation(archive(), chat('overlap', 'Text', ['running fast']));
    const [result] = await search('run runn');
    expect(result?.snippet.highlights).toEqual([[0, 4]]);
  });
});

describe('listUnindexed', () => {
  const capture = (id: string, updateTime: number, accountId = ACCOUNT) =>
    buildCapture(buildRawConversation(id, undefined, { update_time: updateTime }), {
      account: buildAccount({ id: accountId }),
    });

  it('should list stored chats the index lacks or holds an older copy of, newest first', async () => {
    const db = archive();
    const base = FIXED_NOW / 1000;
    for (const [id, time] of [
      ['fresh', base + 3],
      ['stale', base + 2],
      ['missing', base + 1],
    ] as const) {
      await saveConversation(db, capture(id, time), { capturedAt: FIXED_NOW, source: 'page' });
    }
    const updatedAt = async (id: string) => (await db.conversations.get(id))?.updatedAt ?? 0;
    await indexConversation(db, chat('fresh', 't', ['x'], { updatedAt: await updatedAt('fresh') }));
    await indexConversation(db, chat('stale', 't', ['x'], { updatedAt: (await updatedAt('stale')) - 1 }));
    expect(await listUnindexed(db)).toEqual(['stale', 'missing']);
    expect(await listUnindexed(db, 1)).toEqual(['stale']);
  });

  it('should list a chat indexed under another account', async () => {
    const db = archive();
    await saveConversation(db, capture('moved', FIXED_NOW / 1000), { capturedAt: FIXED_NOW, source: 'page' });
    const row = await db.conversations.get('moved');
    await indexConversation(db, chat('moved', 't', ['x'], { accountId: 'someone-else', updatedAt: row?.updatedAt }));
    expect(await listUnindexed(db)).toEqual(['moved']);
  });

  it('should list nothing when every chat is indexed, or none is stored', async () => {
    const db = archive();
    expect(await listUnindexed(db)).toEqual([]);
    await saveConversation(db, capture('done', FIXED_NOW / 1000), { capturedAt: FIXED_NOW, source: 'page' });
    const row = await db.conversations.get('done');
    await indexConversation(db, chat('done', 't', ['x'], { updatedAt: row?.updatedAt }));
    expect(await listUnindexed(db)).toEqual([]);
  });
});
