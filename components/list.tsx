import { type FocusEvent, type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import './list.css';

/** What List tells each row it renders. */
export interface ListRowState {
  index: number;
  /**
   * Put this on every focusable control in the row: only the active row is in the Tab order (a roving
   * tabindex), so Tab leaves a long list in one step and the arrow keys move between rows.
   */
  tabIndex: 0 | -1;
}

/** Props of List. */
export interface ListProps<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  renderItem: (item: T, row: ListRowState) => ReactNode;
  /** What the list holds, for screen readers (e.g. "Saved chats"). */
  'aria-label': string;
  className?: string;
}

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select, textarea, [tabindex]:not(:disabled)';

/** The row that a navigation key moves to, or undefined when the key does not move within the list. */
export function nextRowIndex(key: string, current: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, current + 10);
    case 'PageUp':
      return Math.max(0, current - 10);
    default:
      return undefined;
  }
}

function focusablesIn(row: Element): HTMLElement[] {
  return Array.from(row.querySelectorAll<HTMLElement>(FOCUSABLE));
}

/**
 * A semantic list (`<ul>`) whose rows are reached with the keyboard: ↑/↓, Home/End and Page Up/Down move focus
 * between rows and keep the column (e.g. from one row's "Download" button to the next row's).
 */
export function List<T>({ items, getKey, renderItem, className, ...props }: ListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  const rowOf = (target: EventTarget | null): { rows: Element[]; index: number } => {
    const rows = Array.from(listRef.current?.children ?? []);
    const index = target instanceof Node ? rows.findIndex((row) => row.contains(target)) : -1;
    return { rows, index };
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const { index } = rowOf(event.target);
    if (index >= 0) setActive(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const { rows, index } = rowOf(event.target);
    if (index < 0) return;
    const next = nextRowIndex(event.key, index, rows.length);
    const fromRow = rows[index];
    const toRow = next === undefined ? undefined : rows[next];
    if (next === undefined || fromRow === undefined || toRow === undefined) return;
    event.preventDefault();
    const column = Math.max(0, focusablesIn(fromRow).indexOf(event.target as HTMLElement));
    const targets = focusablesIn(toRow);
    const target = targets[Math.min(column, targets.length - 1)];
    setActive(next);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <ul
      ref={listRef}
      className={['lb-list', className].filter(Boolean).join(' ')}
      aria-label={props['aria-label']}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => (
        <li key={getKey(item)} className="lb-list__row">
          {renderItem(item, { index, tabIndex: index === activeIndex ? 0 : -1 })}
        </li>
      ))}
    </ul>
  );
}
