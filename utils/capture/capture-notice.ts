/** A short, unobtrusive notice on chatgpt.com that says what Lifeboat just did. */
export interface CaptureNotice {
  /** Shows `text` for a few seconds; `tone` only changes the colour. */
  show(text: string, tone: 'saved' | 'problem'): void;
  /** Removes the notice from the page for good: later calls to `show` do nothing. */
  remove(): void;
}

const HOST_TAG = 'lifeboat-notice';
const VISIBLE_MS = 4000;
const ANNOUNCE_DELAY_MS = 100;

// Inline styles inside a shadow root: chatgpt.com's CSS cannot reach in and ours cannot leak out, and no
// stylesheet has to be fetched. Text goes in through textContent only, never innerHTML.
const STYLE = `
  :host { all: initial; }
  .notice { position: fixed; right: 16px; bottom: 88px; z-index: 2147483000; max-width: min(360px, 80vw);
    display: flex; gap: 8px; align-items: center; padding: 8px 12px; border-radius: 10px;
    font: 500 13px/1.35 system-ui, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif;
    color: #0f172a; background: #ecfdf5; border: 1px solid #a7f3d0; box-shadow: 0 4px 16px rgb(0 0 0 / 0.12);
    transition: opacity 200ms ease, transform 200ms ease; }
  .notice[data-tone="problem"] { background: #fff7ed; border-color: #fed7aa; }
  .notice:not([data-tone]) { opacity: 0; transform: translateY(4px); pointer-events: none; }
  .mark { flex: none; width: 16px; height: 16px; border-radius: 50%; background: #10b981; }
  .notice[data-tone="problem"] .mark { background: #f97316; }
  @media (prefers-color-scheme: dark) {
    .notice { color: #e2e8f0; background: #052e24; border-color: #065f46; }
    .notice[data-tone="problem"] { background: #3b1d0a; border-color: #9a3412; }
  }
  @media (prefers-reduced-motion: reduce) { .notice { transition: none; } }
`;

/** Creates the notice lazily: nothing is added to the page until the first `show`. */
export function createCaptureNotice(doc: Document = document): CaptureNotice {
  let host: HTMLElement | undefined;
  let box: HTMLElement | undefined;
  let text: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let removed = false;
  let waiting: { message: string; tone: 'saved' | 'problem' } | undefined;

  function mount(): void {
    host = doc.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    box = doc.createElement('div');
    box.className = 'notice';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    text = doc.createElement('span');
    box.append(mark, text);
    root.append(style, box);
    doc.documentElement.append(host);
  }

  function update(message: string, tone: 'saved' | 'problem'): void {
    if (box === undefined || text === undefined) return;
    text.textContent = message;
    box.dataset.tone = tone;
    clearTimeout(timer);
    // Emptied and faded rather than removed or hidden, so the live region stays known to screen readers.
    timer = setTimeout(() => {
      if (text) text.textContent = '';
      delete box?.dataset.tone;
    }, VISIBLE_MS);
  }

  const notice: CaptureNotice = {
    show(message, tone) {
      // After remove() (the content script was invalidated) nothing may put a notice back on the page.
      if (removed) return;
      // The content script starts at document_start: before the page is parsed there is nothing to show it on
      // yet, so the latest notice waits for the page.
      if (doc.readyState === 'loading') {
        if (waiting === undefined) doc.addEventListener('DOMContentLoaded', showWaiting, { once: true });
        waiting = { message, tone };
        return;
      }
      if (host?.isConnected) {
        update(message, tone);
        return;
      }
      mount();
      // Screen readers announce changes to a live region they already know: fill it a moment after it appears.
      announceTimer = setTimeout(() => update(message, tone), ANNOUNCE_DELAY_MS);
    },
    remove() {
      removed = true;
      clearTimeout(timer);
      clearTimeout(announceTimer);
      host?.remove();
      host = undefined;
    },
  };

  function showWaiting(): void {
    const shown = waiting;
    waiting = undefined;
    if (shown !== undefined) notice.show(shown.message, shown.tone);
  }

  return notice;
}
