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
