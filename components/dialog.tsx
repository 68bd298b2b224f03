import { type MouseEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from './button';
import { CloseIcon } from './icons';
import './dialog.css';

/** Props of Dialog. The parent owns `open`; every way of closing ends in `onClose`. */
export interface DialogProps {
  open: boolean;
  onClose: () => void;
  /** Shown as the dialog's heading and used as its accessible name. */
  title: string;
  /** Accessible name of the close button in the corner (e.g. "Close"). */
  closeLabel: string;
  children: ReactNode;
  /** Buttons at the bottom, primary last. */
  footer?: ReactNode;
}

/**
 * A modal built on the native `<dialog>` and `showModal()`: the browser traps focus, makes the page inert and
 * closes on Escape; a click on the backdrop closes it too. Every close goes through the native `close` event,
 * so `onClose` runs once.
 */
export function Dialog({ open, onClose, title, closeLabel, children, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // The backdrop belongs to the <dialog> element itself, so a click whose target is the dialog fell outside
  // the panel.
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) event.currentTarget.close();
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape is handled natively by <dialog>; the click is only the backdrop.
    <dialog ref={ref} className="lb-dialog" aria-labelledby={titleId} onClose={onClose} onClick={onClick}>
      <div className="lb-dialog__panel">
        <header className="lb-dialog__header">
          <h2 id={titleId} className="lb-dialog__title">
            {title}
          </h2>
          <Button
            variant="ghost"
            size="sm"
            icon={<CloseIcon />}
            aria-label={closeLabel}
            onClick={() => ref.current?.close()}
          />
        </header>
        <div className="lb-dialog__body">{children}</div>
        {footer === undefined ? null : <footer className="lb-dialog__footer">{footer}</footer>}
      </div>
    </dialog>
  );
}
