import { parseHTML } from 'linkedom';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

// React in unit tests, for real: a linkedom DOM stubbed in as `window` and `document`, components and hooks
// rendered with react-dom inside `act`.

/** Gives the calling test file a DOM for React to render into, removed after its last test. */
export function installLinkedomDom(): void {
  beforeAll(() => {
    const { window } = parseHTML('<!doctype html><html><body></body></html>');
    vi.stubGlobal('window', window);
    vi.stubGlobal('document', window.document);
    vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
}

/** What a hook returned on its latest render, and on every render so far. */
export interface Rendered<T> {
  current: T;
  all: T[];
}

/** Calls `hook` as a component does, and keeps what it returned. */
function HookProbe<T>({ hook, rendered }: { hook: () => T; rendered: Rendered<T> }) {
  rendered.current = hook();
  rendered.all.push(rendered.current);
  return null;
}

/**
 * Returns a `renderHook` for the calling test file: it renders a hook in a component of its own, as a page
 * would; every root it made is unmounted after each test.
 */
export function hookRenderer(): <T>(hook: () => T) => Rendered<T> {
  const roots: Root[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) act(() => root.unmount());
  });
  return <T>(hook: () => T) => {
    const rendered = { all: [] as T[] } as unknown as Rendered<T>;
    const root = createRoot(document.createElement('div'));
    roots.push(root);
    act(() => root.render(createElement(HookProbe<T>, { hook, rendered })));
    return rendered;
  };
}

/** Lets the database and storage answer, re-rendering in `act`, until `assertion` passes (at most about 2 s). */
export async function eventually(assertion: () => void | Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (attempt >= 200) throw error;
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}
