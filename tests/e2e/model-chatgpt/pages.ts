// A MODEL of chatgpt.com's pages, not a capture. It follows the selector table in
// shared/docs/chatgpt-page-prompts-health.md §2.5 as of 2026-11 (the sources cited there: KudoAI/chatgpt.js,
// steipete/oracle, pionxzh/chatgpt-exporter). Replace it with a real, scrubbed page capture when one exists;
// until then a selector that passes here is only as good as that table.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** What a page render needs from the backend. */
export interface ModelPageInput {
  pathname: string;
  conversations: ReadonlyMap<string, unknown>;
  signedIn: boolean;
}

/** One visible message of the current branch, as the page shows it. */
export interface VisibleMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  modelSlug: string | undefined;
}

type Json = Record<string, unknown>;

const COMPOSER_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page/composer.ts');
// Private-use citation markers (`\uE200cite\uE202turn0search1\uE201`) never reach the screen on chatgpt.com.
const CITATION_MARKER = /\uE200[^\uE200\uE201]*\uE201/gu;

let composerScript: Promise<string> | undefined;

/** The composer bundle (real ProseMirror), built with esbuild once per process. */
export function getComposerScript(): Promise<string> {
  composerScript ??= build({
    entryPoints: [COMPOSER_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const output = result.outputFiles[0];
    if (output === undefined) throw new Error('esbuild produced no output for the composer');
    return output.text;
  });
  // A failed build is retried on the next request rather than cached.
  composerScript.catch(() => {
    composerScript = undefined;
  });
  return composerScript;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function asRecord(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function messageText(content: Json): string {
  const parts = Array.isArray(content.parts) ? content.parts : [];
  return parts
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .replace(CITATION_MARKER, '');
}

function visibleMessage(message: Json | undefined): VisibleMessage | undefined {
  if (message === undefined) return undefined;
  const author = asRecord(message.author);
  const content = asRecord(message.content);
  const metadata = asRecord(message.metadata) ?? {};
  const role = author?.role;
  if ((role !== 'user' && role !== 'assistant') || content === undefined) return undefined;
  if ((message.recipient ?? 'all') !== 'all' || metadata.is_visually_hidden_from_conversation === true)
    return undefined;
  if (content.content_type !== 'text' && content.content_type !== 'multimodal_text') return undefined;
  const text = messageText(content);
  if (text.trim() === '' || typeof message.id !== 'string') return undefined;
  const modelSlug = typeof metadata.model_slug === 'string' ? metadata.model_slug : undefined;
  return { id: message.id, role, text, modelSlug };
}

/** The messages chatgpt.com shows for a conversation: `current_node` back to the root, hidden ones left out. */
export function visibleMessages(conversation: unknown): VisibleMessage[] {
  const record = asRecord(conversation);
  const mapping = asRecord(record?.mapping);
  if (record === undefined || mapping === undefined) return [];
  const branch: VisibleMessage[] = [];
  const seen = new Set<string>();
  let nodeId = typeof record.current_node === 'string' ? record.current_node : undefined;
  // A loop, not recursion: long chats are thousands of nodes deep.
  while (nodeId !== undefined && !seen.has(nodeId)) {
    seen.add(nodeId);
    const node = asRecord(mapping[nodeId]);
    if (node === undefined) break;
    const shown = visibleMessage(asRecord(node.message));
    if (shown !== undefined) branch.push(shown);
    nodeId = typeof node.parent === 'string' ? node.parent : undefined;
  }
  return branch.reverse();
}

function groupTurns(messages: VisibleMessage[]): VisibleMessage[][] {
  const turns: VisibleMessage[][] = [];
  for (const message of messages) {
    const last = turns.at(-1);
    // Consecutive assistant messages (tool round trips, continuations) share one turn, as on chatgpt.com.
    if (last !== undefined && message.role === 'assistant' && last[0]?.role === 'assistant') last.push(message);
    else turns.push([message]);
  }
  return turns;
}

function renderMessage(message: VisibleMessage): string {
  const text = escapeHtml(message.text);
  if (message.role === 'user') {
    return `<div data-message-author-role="user" data-message-id="${escapeHtml(message.id)}" class="message user-message">
        <div class="whitespace-pre-wrap">${text}</div>
      </div>`;
  }
  const slug = message.modelSlug === undefined ? '' : ` data-message-model-slug="${escapeHtml(message.modelSlug)}"`;
  return `<div data-message-author-role="assistant" data-message-id="${escapeHtml(message.id)}"${slug} class="message">
        <div class="markdown prose"><p>${text}</p></div>
      </div>`;
}

function renderTurn(turn: VisibleMessage[], index: number): string {
  const role = turn[0]?.role ?? 'assistant';
  const heading = role === 'user' ? '<h5 class="sr-only">You said:</h5>' : '<h6 class="sr-only">ChatGPT said:</h6>';
  const actions =
    role === 'assistant'
      ? `<div class="turn-actions">
        <button type="button" data-testid="copy-turn-action-button" aria-label="Copy">Copy</button>
        <button type="button" data-testid="good-response-turn-action-button" aria-label="Good response">+</button>
        <button type="button" data-testid="bad-response-turn-action-button" aria-label="Bad response">-</button>
      </div>`
      : '';
  return `<article data-testid="conversation-turn-${index + 1}" data-turn="${role}" dir="auto">
      ${heading}
      ${turn.map(renderMessage).join('\n')}
      ${actions}
    </article>`;
}

function conversationIdFromPath(pathname: string): string | undefined {
  const match = /^\/(?:g\/[^/]+\/)?c\/([^/]+)\/?$/.exec(pathname);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

function updatedAt(conversation: Json): number {
  const value = conversation.update_time ?? conversation.create_time;
  return typeof value === 'number' ? value : 0;
}

function renderHistory(conversations: ReadonlyMap<string, unknown>, activeId: string | undefined): string {
  const links = [...conversations.entries()]
    .map(([id, value]) => [id, asRecord(value) ?? {}] as const)
    .filter(([, conversation]) => conversation.is_archived !== true)
    .sort(([, a], [, b]) => updatedAt(b) - updatedAt(a))
    .map(([id, conversation]) => {
      const title =
        typeof conversation.title === 'string' && conversation.title !== '' ? conversation.title : 'New chat';
      const current = id === activeId ? ' aria-current="page" data-active=""' : '';
      return `<a class="__menu-item" href="/c/${escapeHtml(encodeURIComponent(id))}" data-history-item-link="true"${current}><div class="truncate"><span dir="auto">${escapeHtml(title)}</span></div></a>`;
    });
  return `<div id="history"><aside><h2 class="history-heading">Chats</h2>${links.join('')}</aside></div>`;
}

const PENCIL_ICON =
  '<svg width="18" height="18" viewBox="0 0 20 20" aria-hidden="true"><path d="M4 14.5V16h1.5l8.4-8.4-1.5-1.5L4 14.5Zm11.7-7.9a1 1 0 0 0 0-1.4l-.9-.9a1 1 0 0 0-1.4 0l-.8.8 1.5 1.5.8-.8Z" fill="currentColor"/></svg>';

const STYLE = `
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; }
  body { display: flex; font: 15px/1.55 ui-sans-serif, system-ui, -apple-system, "Segoe UI", "Noto Sans KR", sans-serif;
    color: #0d0d0d; background: #fff; }
  #stage-slideover-sidebar { width: 260px; flex: none; background: #f9f9f9; border-right: 1px solid #ececec;
    overflow-y: auto; padding: 8px; }
  nav a { display: block; color: inherit; text-decoration: none; padding: 7px 10px; border-radius: 8px; }
  nav a:hover, nav a[aria-current="page"] { background: #ececec; }
  .new-chat { display: flex; gap: 8px; align-items: center; font-weight: 600; margin-bottom: 12px; }
  .history-heading { font-size: 12px; color: #8f8f8f; font-weight: 500; margin: 12px 10px 4px; }
  .truncate { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .profile { margin-top: 16px; padding: 8px 10px; font-size: 14px; color: #5d5d5d; }
  main { flex: 1; display: flex; flex-direction: column; min-width: 0; height: 100%; }
  .page-header { padding: 12px 20px; font-weight: 600; font-size: 17px; color: #5d5d5d; }
  #thread { flex: 1; overflow-y: auto; padding: 0 20px; }
  #thread article { max-width: 760px; margin: 0 auto; padding: 12px 0; }
  .message { margin: 4px 0; }
  .user-message { display: flex; justify-content: flex-end; }
  .user-message > div { background: #f4f4f4; border-radius: 18px; padding: 10px 16px; max-width: 70%; }
  .whitespace-pre-wrap, .markdown p { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
  .turn-actions button { border: 0; background: none; color: #8f8f8f; font-size: 12px; cursor: pointer; padding: 2px 6px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .empty-state { max-width: 760px; margin: 20vh auto 0; text-align: center; font-size: 26px; }
  [role="alert"] { max-width: 760px; margin: 12px auto; padding: 10px 14px; border-radius: 10px; background: #fdecea; color: #8a1c12; }
  #thread-bottom-container { padding: 12px 20px 20px; }
  form[data-type="unified-composer"] { max-width: 760px; margin: 0 auto; display: flex; align-items: flex-end; gap: 8px;
    border: 1px solid #e3e3e3; border-radius: 28px; padding: 10px 12px 10px 20px; box-shadow: 0 2px 8px rgba(0,0,0,.06); }
  .composer-editor { flex: 1; max-height: 200px; overflow-y: auto; }
  .ProseMirror { outline: none; white-space: pre-wrap; word-wrap: break-word; min-height: 24px; }
  .ProseMirror p { margin: 0; }
  .ProseMirror p.placeholder::before { content: attr(data-placeholder); color: #8f8f8f; float: left; height: 0;
    pointer-events: none; }
  .composer-button { width: 36px; height: 36px; border-radius: 50%; border: 0; background: #0d0d0d; color: #fff;
    font-size: 18px; cursor: pointer; }
  .composer-button:disabled { background: #d7d7d7; cursor: default; }
  .composer-button[hidden] { display: none; }
  .login { display: flex; gap: 8px; margin-top: 16px; }
  .login button { padding: 6px 12px; border-radius: 18px; border: 1px solid #d7d7d7; background: #fff; cursor: pointer; }
`;

function renderThread(input: ModelPageInput, conversationId: string | undefined): { title: string; html: string } {
  if (!input.signedIn) {
    return { title: 'ChatGPT', html: '<div class="empty-state">Log in to see your chats</div>' };
  }
  if (conversationId === undefined) {
    return { title: 'ChatGPT', html: '<div class="empty-state">What can I help with?</div>' };
  }
  const conversation = asRecord(input.conversations.get(conversationId));
  if (conversation === undefined) {
    return { title: 'ChatGPT', html: '<div role="alert">Unable to load conversation</div>' };
  }
  const turns = groupTurns(visibleMessages(conversation)).map(renderTurn).join('\n');
  return { title: typeof conversation.title === 'string' ? conversation.title : 'ChatGPT', html: turns };
}

/** The HTML chatgpt.com would send for `pathname`: `/`, `/c/<id>`, `/g/<gizmo>/c/<id>`; anything else is `/`. */
export function renderModelPage(input: ModelPageInput): string {
  const conversationId = conversationIdFromPath(input.pathname);
  const thread = renderThread(input, conversationId);
  const account = input.signedIn
    ? '<div class="profile" data-testid="accounts-profile-button">Model User</div>'
    : `<div class="login">
        <button type="button" data-testid="login-button">Log in</button>
        <button type="button" data-testid="signup-button">Sign up for free</button>
      </div>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(thread.title)}</title>
<style>${STYLE}</style>
<script src="/__model/composer.js" defer></script>
</head>
<body>
<div id="stage-slideover-sidebar">
  <nav aria-label="Chat history">
    <a href="/" class="new-chat" data-testid="create-new-chat-button">${PENCIL_ICON}<span>New chat</span></a>
    ${input.signedIn ? renderHistory(input.conversations, conversationId) : ''}
    ${account}
  </nav>
</div>
<main id="main">
  <div class="page-header">ChatGPT</div>
  <div id="thread">
    ${thread.html}
  </div>
  <div id="thread-bottom-container">
    <form class="w-full" data-type="unified-composer">
      <textarea name="prompt-textarea" placeholder="Ask anything" style="display: none"></textarea>
      <div class="composer-editor">
        <div id="prompt-textarea" class="ProseMirror" contenteditable="true" translate="no" data-virtualkeyboard="true"><p class="placeholder" data-placeholder="Ask anything"><br class="ProseMirror-trailingBreak"></p></div>
      </div>
      <div data-testid="composer-trailing-actions">
        <button type="button" class="composer-button" data-testid="stop-button" aria-label="Stop streaming" hidden>&#9632;</button>
        <button type="submit" class="composer-button" id="composer-submit-button" data-testid="send-button" aria-label="Send prompt" disabled>&#8593;</button>
      </div>
    </form>
  </div>
</main>
</body>
</html>
`;
}
