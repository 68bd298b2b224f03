// Deterministic synthetic conversations in the `/backend-api/conversation/<id>` shape, for benchmarks: a seeded
// generator, so every run stores the same bytes. Mixed Korean and English, with a regenerated answer now and then.

const KO = [
  '해바라기밭에서',
  '사진을',
  '정리해',
  '주세요',
  '코드',
  '리뷰를',
  '부탁해요',
  '데이터',
  '백업은',
  '안전하게',
  '오프라인',
  '검색',
];
const EN = [
  'please',
  'review',
  'this',
  'function',
  'backup',
  'every',
  'conversation',
  'offline',
  'search',
  'prompt',
  'version',
  'model',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number, words: number): string {
  const pool = next() < 0.6 ? KO : EN;
  return Array.from({ length: words }, () => pool[Math.floor(next() * pool.length)]).join(' ');
}

function uuid(next: () => number): string {
  const hex = () => Math.floor(next() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

/** `count` conversations of about `turns` messages each; the same arguments always give the same JSON. */
export function generateConversations(count: number, turns = 20, seed = 7): Record<string, unknown>[] {
  const next = random(seed);
  const start = Date.UTC(2025, 0, 1) / 1000;
  return Array.from({ length: count }, (_, index) => {
    const id = uuid(next);
    const created = start + index * 3600;
    const mapping: Record<string, unknown> = {
      'client-created-root': { id: 'client-created-root', message: null, parent: null, children: [] },
    };
    let parent = 'client-created-root';
    for (let turn = 0; turn < turns; turn += 1) {
      const nodeId = uuid(next);
      const role = turn % 2 === 0 ? 'user' : 'assistant';
      (mapping[parent] as { children: string[] }).children.push(nodeId);
      mapping[nodeId] = {
        id: nodeId,
        message: {
          id: nodeId,
          author: { role, name: null, metadata: {} },
          create_time: created + turn * 30,
          update_time: null,
          content: { content_type: 'text', parts: [sentence(next, role === 'user' ? 12 : 80)] },
          status: 'finished_successfully',
          end_turn: role === 'assistant' ? true : null,
          weight: 1,
          metadata: role === 'assistant' ? { model_slug: 'gpt-5', request_id: uuid(next) } : { request_id: uuid(next) },
          recipient: 'all',
          channel: null,
        },
        parent,
        children: [],
      };
      parent = nodeId;
    }
    return {
      title: sentence(next, 4),
      create_time: created,
      update_time: created + turns * 30,
      mapping,
      moderation_results: [],
      current_node: parent,
      conversation_id: id,
      id,
      default_model_slug: 'gpt-5',
      gizmo_id: null,
      is_archived: false,
    };
  });
}

/** One chat as the search index takes it: plain text per message, as derived from the JSON when it is stored. */
export interface SearchCorpusChat {
  id: string;
  accountId: string;
  title: string;
  updatedAt: number;
  messages: { messageId: string; text: string }[];
}

/** Words every corpus contains at fixed frequency ranks, so the benchmark's queries always have matches. */
export const SEARCH_KO_WORDS = [
  '도서관',
  '해바라기',
  '백업',
  '검색',
  '오프라인',
  '대화',
  '사진',
  '데이터',
  '컴포넌트',
  '저장소',
];
export const SEARCH_EN_WORDS = [
  'backup',
  'search',
  'function',
  'review',
  'offline',
  'conversation',
  'archive',
  'export',
];
const SYLLABLES = Array.from(
  '가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주기니리미비시이지치피히개내대래매배새재해서관진원정한국어',
);
const PARTICLES = ['에서', '을', '를', '이', '가', '은', '는', '의', '에', '으로', '와', '도', '에게', '까지'];
const LETTERS = { consonants: 'bcdfghklmnprstvwz', vowels: 'aeiou' };
const SUFFIXES = ['', '', '', 's', 'ing', 'ed', 'er'];

/** A vocabulary of `size` pseudo-words (seeded), with `named` placed at spread-out frequency ranks. */
function vocabulary(size: number, make: () => string, named: string[]): string[] {
  const words = new Set<string>();
  while (words.size < size) words.add(make());
  const list = [...words];
  named.forEach((word, index) => {
    list[Math.floor(3 * 2.2 ** index)] = word;
  });
  return list;
}

/** A rank with probability about 1/rank (Zipf-like), as word frequencies in real text. */
function zipf(next: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(next() * Math.log(size + 1))) - 1);
}

/** The vocabularies of generateSearchCorpus, in frequency order (index 0 is the most common word). */
export function searchVocabulary(seed = 11): { ko: string[]; en: string[] } {
  const next = random(seed);
  const pick = (chars: string) => chars[Math.floor(next() * chars.length)] ?? '';
  const ko = vocabulary(
    4000,
    () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(
        '',
      ),
    SEARCH_KO_WORDS,
  );
  const en = vocabulary(
    4000,
    () =>
      Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(LETTERS.consonants) + pick(LETTERS.vowels)).join(
        '',
      ),
    SEARCH_EN_WORDS,
  );
  return { ko, en };
}

/**
 * `count` chats of `turns` messages in plain text, Korean and English mixed (60/40 by message, with words of the
 * other language inside), Korean nouns with particles attached half the time, English words inflected, now and
 * then a code identifier or a number; word frequencies follow a Zipf-like curve. One chat in ten belongs to a
 * second account. The same arguments always give the same text.
 */
export function generateSearchCorpus(count: number, turns = 20, seed = 11): SearchCorpusChat[] {
  const { ko, en } = searchVocabulary(seed);
  const next = random(seed + 1);
  const word = (korean: boolean): string => {
    const roll = next();
    if (roll < 0.02) return `get${en[zipf(next, en.length)]}Value`;
    if (roll < 0.04) return String(Math.floor(next() * 5000));
    if (korean) {
      const noun = ko[zipf(next, ko.length)] ?? '';
      return next() < 0.5 ? noun + PARTICLES[Math.floor(next() * PARTICLES.length)] : noun;
    }
    return (en[zipf(next, en.length)] ?? '') + SUFFIXES[Math.floor(next() * SUFFIXES.length)];
  };
  const sentence = (length: number): string => {
    const korean = next() < 0.6;
    return Array.from({ length }, () => word(next() < 0.1 ? !korean : korean)).join(' ');
  };
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, index) => {
    const id = uuid(next);
    return {
      id,
      accountId: index % 10 === 9 ? 'user-bench-second' : 'user-bench',
      title: sentence(3 + Math.floor(next() * 3)),
      updatedAt: start + index * 3_600_000,
      messages: Array.from({ length: turns }, (_, turn) => ({
        messageId: `${id}-${turn}`,
        text: sentence(turn % 2 === 0 ? 12 : 80),
      })),
    };
  });
}

/**
 * The benchmark's fixed queries: the named words (Korean ones are stored with particles attached), frequent,
 * middling and rare words of both vocabularies, English prefixes, Korean words from inside compounds, one
 * syllable, two-word and mixed-language queries, and words that are nowhere.
 */
export function searchQueries(seed = 11): string[] {
  const { ko, en } = searchVocabulary(seed);
  const ranks = [1, 4, 15, 60, 250, 1000, 3900];
  const at = (list: string[], rank: number) => list[rank] ?? '';
  return [
    ...SEARCH_KO_WORDS,
    ...SEARCH_EN_WORDS,
    ...ranks.map((rank) => at(ko, rank)),
    ...ranks.map((rank) => at(en, rank)),
    ...[2, 30, 700].map((rank) => at(en, rank).slice(0, 3)),
    ...[5, 80].map((rank) => at(ko, rank).slice(1)),
    '도',
    '해',
    '도서관 백업',
    '해바라기 사진',
    '검색 데이터',
    'backup offline',
    'function review',
    'backup 도서관',
    'search 해바라기',
    `${at(en, 20)} ${at(ko, 20)}`,
    'zzqx',
    '없는단어',
    'getsearchvalue',
  ];
}
