import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addToast,
  startPausableTimer,
  type ToastItem,
  ToastProvider,
  toastToDismiss,
  useToast,
} from '@/components/toast';

function Orphan() {
  useToast();
  return null;
}

describe('addToast', () => {
  const toast = (id: number): ToastItem => ({ id, tone: 'info', message: `t${id}` });

  it('should keep at most `max` toasts, dropping the oldest', () => {
    const list = [toast(1), toast(2), toast(3)];
    expect(addToast(list, toast(4), 3).map((item) => item.id)).toEqual([2, 3, 4]);
    expect(addToast([], toast(1), 3).map((item) => item.id)).toEqual([1]);
  });
});

describe('toastToDismiss', () => {
  const toast = (id: number, tone: ToastItem['tone'] = 'info'): ToastItem => ({ id, tone, message: `t${id}` });

  it('should pick the toast that holds focus', () => {
    expect(toastToDismiss([toast(1), toast(2), toast(3)], 2)).toBe(2);
  });

  it('should pick the newest toast when none holds focus, whatever its tone', () => {
    // Errors render in their own stack, so list order is not age; ids are.
    expect(toastToDismiss([toast(4, 'error'), toast(2), toast(3)])).toBe(4);
    expect(toastToDismiss([toast(1), toast(2)], 99)).toBe(2);
  });

  it('should pick nothing when there are no toasts', () => {
    expect(toastToDismiss([])).toBeUndefined();
  });
});

describe('startPausableTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should fire after the full time when never paused', () => {
    const done = vi.fn();
    startPausableTimer(done, 5000);
    vi.advanceTimersByTime(4999);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(done).toHaveBeenCalledOnce();
  });

  it('should not fire while paused and keep the time already waited', () => {
    const done = vi.fn();
    const timer = startPausableTimer(done, 5000);
    vi.advanceTimersByTime(3000);
    timer.pause();
    vi.advanceTimersByTime(60_000);
    expect(done).not.toHaveBeenCalled();
    timer.resume();
    vi.advanceTimersByTime(1999);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(done).toHaveBeenCalledOnce();
  });

  it('should never fire once cancelled, even if resumed', () => {
    const done = vi.fn();
    const timer = startPausableTimer(done, 1000);
    timer.cancel();
    timer.resume();
    vi.advanceTimersByTime(5000);
    expect(done).not.toHaveBeenCalled();
  });
});

describe('ToastProvider', () => {
  it('should render a named region with a polite status area and an assertive alert area', () => {
    const html = renderToStaticMarkup(
      <ToastProvider regionLabel="Notifications" dismissLabel="Dismiss">
        <p>page</p>
      </ToastProvider>,
    );
    expect(html).toContain('<p>page</p>');
    expect(html).toContain('<section class="lb-toasts" aria-label="Notifications">');
    expect(html).toContain('role="alert"');
    expect(html).toContain('role="status" aria-live="polite"');
  });

  it('should refuse useToast() outside a provider', () => {
    expect(() => renderToStaticMarkup(<Orphan />)).toThrow(/ToastProvider/);
  });
});
