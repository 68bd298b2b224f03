import { Button } from './button';
import { PauseIcon } from './icons';
import './capture-paused-banner.css';

/** Props of CapturePausedBanner; the texts are passed in so the component stays free of i18n. */
export interface CapturePausedBannerProps {
  /** What is off, e.g. "Saving new chats is paused." */
  message: string;
  /** The button's label, e.g. "Turn on". */
  actionLabel: string;
  onResume: () => void;
}

/** Says that capture is switched off, with a button that switches it back on. Render it only while paused. */
export function CapturePausedBanner({ message, actionLabel, onResume }: CapturePausedBannerProps) {
  return (
    <div className="lb-banner">
      <PauseIcon className="lb-banner__icon" />
      <p className="lb-banner__text">{message}</p>
      <Button size="sm" variant="secondary" onClick={onResume}>
        {actionLabel}
      </Button>
    </div>
  );
}
