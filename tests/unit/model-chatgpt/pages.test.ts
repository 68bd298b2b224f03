import { describe, expect, it } from 'vitest';
import { createModelChatGptBackend, type ModelChatGptBackend } from '../../e2e/model-chatgpt/backend';
import { getComposerScript, visibleMessages } from '../../e2e/model-chatgpt/pages';

const BRANCHES_ID = 'e88b7591-31db-4e32-98dc-b35f94c662cd';
const IMAGE_UPLOAD_ID = 'bd8ec9a1-f803-45ed-bd7c-9ec7081ab44d';
const REASONING_ID = 'e4039782-67e5-43c9-ae73-35a01662e2ce';

async function page(backend: ModelChatGptBackend, url: string): Promise<string> {
  const response = await backend.handle({ method: 'GET', url, headers: {} });
  if ('abort' in response) throw new Error(`${url} was aborted`);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  return response.body;
}

function ownOnly(): ModelChatGptBackend {
  return createModelChatGptBackend({ includeSharedFixtures: false });
}

describe('model chatgpt.com pages', () => {
  it('should show only the current branch of an edited and regenerated conversation', () => {
    const messages = visibleMessages(ownOnly().conversations.get(BRANCHES_ID));
    expect(messages.map((message) => message.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(messages[2]?.text).toContain('나이가 같으면 이름은 가나다순');
    expect(messages[3]?.text).toContain('두 가지 방법이 있습니다');
    expect(messages.every((message) => message.text.trim() !== '')).toBe(true);
  });

  it('should render turns, message ids, model slugs and the composer on /c/<id>', async () => {
    const html = await page(ownOnly(), `https://chatgpt.com/c/${BRANCHES_ID}`);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html.match(/<article data-testid="conversation-turn-\d+" data-turn="(user|assistant)"/g)).toHaveLength(6);
    expect(html).toContain('data-message-model-slug="gpt-4o"');
    expect(html).toContain('<div class="markdown prose">');
    expect(html).toContain('<form class="w-full" data-type="unified-composer">');
    expect(html).toContain('<div id="prompt-textarea" class="ProseMirror" contenteditable="true"');
    expect(html).toContain('<textarea name="prompt-textarea" placeholder="Ask anything" style="display: none">');
    expect(html).toMatch(/data-testid="send-button"[^>]*disabled>/);
    expect(html).toMatch(/data-testid="stop-button"[^>]*hidden>/);
    expect(html).toContain('<script src="/__model/composer.js" defer></script>');
    expect(html).toContain(`href="/c/${BRANCHES_ID}" data-history-item-link="true" aria-current="page"`);
  });

  it('should list non-archived conversations in the sidebar, newest first', async () => {
    const html = await page(ownOnly(), 'https://chatgpt.com/');
    const hrefs = [...html.matchAll(/<a class="__menu-item" href="\/c\/([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual([
      REASONING_ID,
      IMAGE_UPLOAD_ID,
      '780c4b16-a510-49fa-a2b2-bbd1c38dbe31',
      BRANCHES_ID,
      '4ca67353-d824-444b-81c1-56cf264ca243',
    ]);
    expect(html).toContain('What can I help with?');
    expect(html).toContain('data-testid="accounts-profile-button"');
  });

  it('should serve custom GPT chats under /g/<gizmo>/c/<id> and strip citation markers', async () => {
    const backend = ownOnly();
    const gizmo = (backend.conversations.get(IMAGE_UPLOAD_ID) as { gizmo_id: string }).gizmo_id;
    expect(await page(backend, `https://chatgpt.com/g/${gizmo}/c/${IMAGE_UPLOAD_ID}`)).toContain('29,030원');
    const reasoning = await page(backend, `https://chat.openai.com/c/${REASONING_ID}`);
    expect(reasoning).toContain('GIL 없는 빌드');
    expect(reasoning).not.toMatch(/[\uE200-\uE204]/u);
    expect(reasoning).toContain('data-message-model-slug="gpt-5-thinking"');
  });

  it('should escape fixture text instead of injecting it as HTML', async () => {
    const backend = createModelChatGptBackend({ includeOwnFixtures: false, includeSharedFixtures: false });
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const id = backend.addConversation({
      conversation_id: 'hostile',
      title: hostile,
      create_time: 1,
      update_time: 2,
      current_node: 'u',
      mapping: {
        root: { id: 'root', message: null, parent: null, children: ['u'] },
        u: {
          id: 'u',
          parent: 'root',
          children: [],
          message: {
            id: 'u',
            author: { role: 'user' },
            content: { content_type: 'text', parts: [hostile] },
            recipient: 'all',
          },
        },
      },
    });
    const html = await page(backend, `https://chatgpt.com/c/${id}`);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;script&#62;alert(2)&#60;/script&#62;');
  });

  it('should show an alert for an unknown conversation and the home page for any other path', async () => {
    const backend = ownOnly();
    expect(await page(backend, 'https://chatgpt.com/c/missing')).toContain(
      '<div role="alert">Unable to load conversation</div>',
    );
    expect(await page(backend, 'https://chatgpt.com/gpts/explore?x=1')).toContain('What can I help with?');
  });

  it('should show the login buttons and no history while signed out', async () => {
    const backend = ownOnly();
    backend.signOut();
    const html = await page(backend, `https://chatgpt.com/c/${BRANCHES_ID}`);
    expect(html).toContain('data-testid="login-button"');
    expect(html).not.toContain('div id="history"');
    expect(html).not.toContain('data-turn=');
  });

  it('should bundle the ProseMirror composer once per process', async () => {
    const script = await getComposerScript();
    expect(script.length).toBeGreaterThan(50_000);
    expect(script).toContain('__modelChatGpt');
    expect(await getComposerScript()).toBe(script);
    const response = await ownOnly().handle({
      method: 'GET',
      url: 'https://chatgpt.com/__model/composer.js',
      headers: {},
    });
    expect(response).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
      body: script,
    });
  });
});
