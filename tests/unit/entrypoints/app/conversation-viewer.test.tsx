import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConversationViewer } from '@/entrypoints/app/conversation-viewer';
import { readStoredConversation } from '@/hooks/use-conversation-view';
import { installLinkedomDom } from '../../../react-dom';

// The viewer renders into a DOM (linkedom) with i18n answering each message's name, so labels read as keys.
// Without a DOM DOMPurify can use, chat text shows as escaped text (markdown.test.tsx); the structure is what
// is checked here.

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'chatgpt');
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

let root: Root | undefined;
let container: HTMLElement;

installLinkedomDom();

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, substitutions?: string | string[]) =>
    [name, ...[substitutions ?? []].flat()].join(' '),
  );
});

afterEach(() => {
  if (root !== undefined) act(() => root?.unmount());
  root = undefined;
});

function render(fixture: string): void {
  const text = fixtureText(fixture);
  const view = readStoredConversation(text);
  if (view === undefined) throw new Error(`${fixture} did not parse`);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(<ConversationViewer view={view} text={text} />));
}

const messages = () => [...container.querySelectorAll('.viewer__messages > li')];
const buttons = (label: string) =>
  [...container.querySelectorAll('button')].filter((button) => button.getAttribute('aria-label') === label);
const textOfAll = () => container.textContent ?? '';

function click(element: Element | undefined): void {
  if (element === undefined) throw new Error('nothing to click');
  act(() => {
    element.dispatchEvent(new window.Event('click', { bubbles: true }));
  });
}

describe('ConversationViewer', () => {
  it('should show the current branch, then another version after "Previous version"', () => {
    render('own-01-branches-ko.json');
    expect(textOfAll()).toContain('나이는 내림차순으로, 나이가 같으면 이름은 가나다순으로 정렬하고 싶어.');
    expect(textOfAll()).not.toContain('내림차순으로 하려면?');
    const positions = () =>
      [...container.querySelectorAll('.branch-switcher__position [aria-hidden]')].map((node) => node.textContent);
    // The edited prompt (2/2) and its third answer (3/3, whose placeholder is hidden so the answer carries it).
    expect(positions()).toEqual(['2/2', '3/3']);

    click(buttons('viewer_previousVersion')[0]);
    expect(textOfAll()).toContain('내림차순으로 하려면?');
    expect(textOfAll()).toContain('reverse=True');
    expect(textOfAll()).not.toContain('나이가 같으면 이름은 가나다순으로');
    expect(positions()).toEqual(['1/2']);
    expect(container.querySelector('.branch-switcher__position')?.getAttribute('aria-live')).toBe('polite');

    click(buttons('viewer_nextVersion')[0]);
    expect(positions()).toEqual(['2/2', '3/3']);
    click(buttons('viewer_previousVersion')[1]);
    expect(positions()).toEqual(['2/2', '2/3']);
    expect(textOfAll()).toContain('파이썬의 정렬은 안정 정렬이라');
  });

  it('should do nothing at either end of the versions, keeping the button focusable', () => {
    render('own-01-branches-ko.json');
    const next = buttons('viewer_nextVersion')[0];
    expect(next?.getAttribute('aria-disabled')).toBe('true');
    expect(next?.hasAttribute('disabled')).toBe(false);
    const before = textOfAll();
    click(next);
    expect(textOfAll()).toBe(before);
  });

  it('should label roles and show the model on assistant turns', () => {
    render('own-01-branches-ko.json');
    const roles = messages().map((item) => item.querySelector('.message__role')?.textContent);
    expect(roles[0]).toBe('viewer_you');
    expect(roles[1]).toBe('viewer_assistant');
    expect(messages()[1]?.querySelector('.model-badge')?.textContent).toMatch(/\S/);
    expect(messages()[0]?.querySelector('.model-badge')).toBeNull();
  });

  it('should show tool calls, with a "Copy code" button, only with "Show hidden messages" on', () => {
    render('own-02-code-interpreter-en.json');
    const shownBefore = messages().length;
    expect(buttons('viewer_copyCode')).toHaveLength(0);
    expect(container.querySelectorAll('button').length).toBeGreaterThan(0);
    const toggle = container.querySelector('[role="switch"]');
    expect(toggle?.getAttribute('aria-checked')).toBe('false');

    click(toggle ?? undefined);
    expect(toggle?.getAttribute('aria-checked')).toBe('true');
    expect(messages().length).toBeGreaterThan(shownBefore);
    const copy = [...container.querySelectorAll('button')].filter((b) => b.textContent === 'viewer_copyCode');
    expect(copy.length).toBeGreaterThan(0);
    expect(container.querySelectorAll('.message__hidden').length).toBeGreaterThan(0);

    click(toggle ?? undefined);
    expect(messages()).toHaveLength(shownBefore);
  });

  it('should offer the stored text under a closed "Raw JSON" disclosure (opened in tests/e2e/viewer.e2e.ts)', () => {
    render('own-01-branches-ko.json');
    const raw = container.querySelector('details.viewer__raw');
    expect(raw?.querySelector('summary')?.textContent).toBe('viewer_rawJson');
    expect(raw?.hasAttribute('open')).toBe(false);
  });

  it('should keep the reasoning collapsed in a <details>', () => {
    render('own-04-reasoning-ko.json');
    click(container.querySelector('[role="switch"]') ?? undefined);
    const reasoning = container.querySelector('details.block--reasoning');
    expect(reasoning).not.toBeNull();
    expect(reasoning?.hasAttribute('open')).toBe(false);
  });
});
