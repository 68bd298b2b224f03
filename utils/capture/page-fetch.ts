/**
 * The fetch that acts as the chatgpt.com page itself. In Firefox a content script's own `fetch` is made with the
 * extension's principal (another Origin, and the page's request interception never sees it), while
 * `content.fetch` is the page's; Chrome's content-script fetch already behaves like the page's.
 */
export function pageFetch(scope: typeof globalThis = globalThis): typeof fetch {
  const pageWindow = (scope as { content?: { fetch?: typeof fetch } }).content;
  if (typeof pageWindow?.fetch === 'function') return pageWindow.fetch.bind(pageWindow);
  return scope.fetch.bind(scope);
}
