// Runs in the browser on the model chatgpt.com page (bundled by pages.ts). Like ChatGPT's own composer it is a
// real ProseMirror editor, so insertion code is tested against ProseMirror's state, not just the DOM.
import { baseKeymap, splitBlock } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { type Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { EditorState, Plugin } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';

/** What tests can read from the page's main world. */
export interface ModelChatGptPage {
  /** The composer's text as ProseMirror holds it (paragraphs and hard breaks as `\n`). */
  composerText(): string;
  /** Every prompt sent with the send button, in order. */
  sentPrompts: string[];
}

declare global {
  interface Window {
    __modelChatGpt?: ModelChatGptPage;
  }
}

const PLACEHOLDER = 'Ask anything';
const STREAMING_MS = 600;

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'inline*', group: 'block', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: () => ['br'],
      leafText: () => '\n',
    },
  },
});

function isEmpty(doc: ProseMirrorNode): boolean {
  return doc.childCount === 1 && doc.firstChild?.content.size === 0;
}

const placeholder = new Plugin({
  props: {
    decorations(state) {
      const first = state.doc.firstChild;
      if (!isEmpty(state.doc) || first === null) return null;
      return DecorationSet.create(state.doc, [
        Decoration.node(0, first.nodeSize, { class: 'placeholder', 'data-placeholder': PLACEHOLDER }),
      ]);
    },
  },
});

function textOf(doc: ProseMirrorNode): string {
  return doc.textBetween(0, doc.content.size, '\n');
}

function appendUserTurn(thread: Element, text: string): void {
  const turns = thread.querySelectorAll('article[data-testid^="conversation-turn-"]').length;
  const article = document.createElement('article');
  article.dataset.testid = `conversation-turn-${turns + 1}`;
  article.dataset.turn = 'user';
  const message = document.createElement('div');
  message.className = 'message user-message';
  message.dataset.messageAuthorRole = 'user';
  message.dataset.messageId = crypto.randomUUID();
  const body = document.createElement('div');
  body.className = 'whitespace-pre-wrap';
  body.textContent = text;
  message.append(body);
  article.append(message);
  for (const empty of thread.querySelectorAll('.empty-state')) empty.remove();
  thread.append(article);
  article.scrollIntoView({ block: 'end' });
}

function mountComposer(): void {
  const mount = document.querySelector<HTMLElement>('#prompt-textarea');
  const form = document.querySelector<HTMLFormElement>('form[data-type="unified-composer"]');
  const send = document.querySelector<HTMLButtonElement>('button[data-testid="send-button"]');
  const stop = document.querySelector<HTMLButtonElement>('button[data-testid="stop-button"]');
  const thread = document.querySelector('#thread');
  if (mount === null || form === null || send === null || stop === null || thread === null) return;

  const sentPrompts: string[] = [];
  let streaming = false;

  const syncButtons = (state: EditorState): void => {
    send.disabled = streaming || textOf(state.doc).trim() === '';
    send.hidden = streaming;
    stop.hidden = !streaming;
  };

  const view = new EditorView(
    { mount },
    {
      state: EditorState.create({
        schema,
        plugins: [
          history(),
          // ChatGPT sends on Enter; this model never sends from the keyboard, so typed newlines stay in the text.
          keymap({ Enter: splitBlock, 'Shift-Enter': splitBlock, 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo }),
          keymap(baseKeymap),
          placeholder,
        ],
      }),
      attributes: { id: 'prompt-textarea', translate: 'no', 'data-virtualkeyboard': 'true' },
      dispatchTransaction(transaction) {
        view.updateState(view.state.apply(transaction));
        syncButtons(view.state);
      },
    },
  );
  syncButtons(view.state);
  // chatgpt.com opens a conversation at its latest turn.
  thread.scrollTop = thread.scrollHeight;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = textOf(view.state.doc);
    if (streaming || text.trim() === '') return;
    sentPrompts.push(text);
    appendUserTurn(thread, text);
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, schema.nodes.paragraph.create()));
    streaming = true;
    syncButtons(view.state);
    setTimeout(() => {
      streaming = false;
      syncButtons(view.state);
    }, STREAMING_MS);
  });

  window.__modelChatGpt = { composerText: () => textOf(view.state.doc), sentPrompts };
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountComposer);
else mountComposer();
