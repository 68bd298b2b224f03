import {
  createContext,
  type FocusEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Button } from './button';
import { AlertIcon, CheckCircleIcon, CloseIcon, InfoIcon } from './icons';
import './toast.css';

/** How a toast reads: neutral news, a finished action, or a failure (announced assertively). */
export type ToastTone = 'info' | 'success' | 'error';

/** What a caller passes to `show`. */
export interface ToastInput {
  message: string;
  /** A second line: for errors, what happened and what to do next. */
  detail?: string;
  /** A third, smaller line for errors: the technical message, in English (marked `lang="en"`). */
  technical?: string;
  tone?: ToastTone;
}

/** A toast on screen. */
export interface ToastItem extends ToastInput {
  id: number;
  tone: ToastTone;
}

/** What `useToast()` returns. */
export interface ToastApi {
  /** Shows a toast and returns its id. */
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

/** Props of ToastProvider; the labels are passed in so the component stays free of i18n. */
export interface ToastProviderProps {
  children: ReactNode;
  /** Accessible name of the notification region (e.g. "Notifications"). */
  regionLabel: string;
  /** Accessible name of each toast's dismiss button (e.g. "Dismiss"). */
  dismissLabel: string;
  /** How long a toast stays, in ms, while not hovered or focused. Errors stay twice as long. */
  duration?: number;
  /** Most toasts shown at once; the oldest goes first. */
  max?: number;
}

const ToastContext = createContext<ToastApi | null>(null);

/** The toast Escape dismisses: the one holding focus, else the most recent; undefined when there is none. */
export function toastToDismiss(toasts: readonly ToastItem[], focusedId?: number): number | undefined {
  if (focusedId !== undefined && toasts.some((toast) => toast.id === focusedId)) return focusedId;
  return toasts.reduce<number | undefined>((newest, toast) => Math.max(newest ?? toast.id, toast.id), undefined);
}

/** The id of the toast that holds `element`, if any. */
function toastIdOf(element: Element | null): number | undefined {
  const holder = element?.closest<HTMLElement>('[data-toast-id]');
  return holder === null || holder === undefined ? undefined : Number(holder.dataset.toastId);
}

/** Adds a toast to the list, dropping the oldest ones beyond `max`. */
export function addToast(toasts: readonly ToastItem[], toast: ToastItem, max: number): ToastItem[] {
  return [...toasts, toast].slice(-Math.max(1, max));
}

/** A one-shot timer that can be paused and resumed without losing the time already waited. */
export interface PausableTimer {
  pause: () => void;
  resume: () => void;
  cancel: () => void;
}

/** Starts a PausableTimer that calls `onDone` after `ms` of unpaused time. */
export function startPausableTimer(onDone: () => void, ms: number, now: () => number = Date.now): PausableTimer {
  let remaining = ms;
  let startedAt = now();
  let cancelled = false;
  let handle: ReturnType<typeof setTimeout> | undefined = setTimeout(onDone, remaining);
  return {
    pause: () => {
      if (handle === undefined) return;
      clearTimeout(handle);
      handle = undefined;
      remaining = Math.max(0, remaining - (now() - startedAt));
    },
    resume: () => {
      if (handle !== undefined || cancelled) return;
      startedAt = now();
      handle = setTimeout(onDone, remaining);
    },
    cancel: () => {
      cancelled = true;
      clearTimeout(handle);
      handle = undefined;
    },
  };
}

/**
 * Holds the toasts of one page and renders them in a polite live region (`role="status"`); errors go to an
 * assertive one (`role="alert"`). Toasts dismiss themselves unless hovered or focused; Escape dismisses the
 * focused toast, else the newest, and focus goes back to where it was before it entered a toast.
 */
export function ToastProvider({ children, regionLabel, dismissLabel, duration = 5000, max = 3 }: ToastProviderProps) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++;
      setToasts((list) => addToast(list, { ...input, tone: input.tone ?? 'info', id }, max));
      return id;
    },
    [max],
  );
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  const returnFocus = useRef<HTMLElement | null>(null);

  // A dismissed toast takes focus with it, so a keyboard user who was in it goes back where they came from.
  const close = useCallback(
    (id: number) => {
      if (toastIdOf(document.activeElement) === id && returnFocus.current?.isConnected) returnFocus.current.focus();
      dismiss(id);
    },
    [dismiss],
  );

  useEffect(() => {
    if (toasts.length === 0) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // An open dialog closes on Escape by itself; the toasts behind it stay.
      if (document.querySelector('dialog[open]') !== null) return;
      const id = toastToDismiss(toasts, toastIdOf(document.activeElement));
      if (id !== undefined) close(id);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [toasts, close]);

  const onRegionFocus = (event: FocusEvent<HTMLElement>) => {
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !event.currentTarget.contains(from)) returnFocus.current = from;
  };

  const render = (toast: ToastItem) => (
    <ToastView
      key={toast.id}
      toast={toast}
      duration={toast.tone === 'error' ? duration * 2 : duration}
      dismissLabel={dismissLabel}
      onDismiss={dismiss}
      onClose={close}
    />
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="lb-toasts" aria-label={regionLabel} onFocus={onRegionFocus}>
        <div role="alert" className="lb-toasts__stack">
          {toasts.filter((toast) => toast.tone === 'error').map(render)}
        </div>
        <div role="status" aria-live="polite" className="lb-toasts__stack">
          {toasts.filter((toast) => toast.tone !== 'error').map(render)}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

/** The toast API of the nearest ToastProvider; throws when there is none, which is a wiring bug. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (api === null) throw new Error('useToast() needs a <ToastProvider> around it.');
  return api;
}

const TONE_ICONS = { info: InfoIcon, success: CheckCircleIcon, error: AlertIcon } as const;

interface ToastViewProps {
  toast: ToastItem;
  duration: number;
  dismissLabel: string;
  /** Removes the toast when its time is up. */
  onDismiss: (id: number) => void;
  /** Removes the toast at the user's request, returning focus if it was inside. */
  onClose: (id: number) => void;
}

function ToastView({ toast, duration, dismissLabel, onDismiss, onClose }: ToastViewProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const timer = useRef<PausableTimer | null>(null);
  const { id } = toast;

  useEffect(() => {
    timer.current = startPausableTimer(() => onDismiss(id), duration);
    return () => timer.current?.cancel();
  }, [duration, id, onDismiss]);

  useEffect(() => {
    if (hovered || focused) timer.current?.pause();
    else timer.current?.resume();
  }, [hovered, focused]);

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
  };
  const Icon = TONE_ICONS[toast.tone];

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only pause the timer; the button dismisses.
    <div
      className={`lb-toast lb-toast--${toast.tone}`}
      data-toast-id={id}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={onBlur}
    >
      <Icon className="lb-toast__icon" />
      <div className="lb-toast__text">
        <p className="lb-toast__message">{toast.message}</p>
        {toast.detail === undefined ? null : <p className="lb-toast__detail">{toast.detail}</p>}
        {toast.technical === undefined ? null : (
          <p className="lb-toast__technical" lang="en">
            {toast.technical}
          </p>
        )}
      </div>
      <Button
        variant="ghost"
        size="sm"
        className="lb-toast__dismiss"
        icon={<CloseIcon />}
        aria-label={dismissLabel}
        onClick={() => onClose(id)}
      />
    </div>
  );
}
