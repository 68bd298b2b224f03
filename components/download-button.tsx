import { Button, type ButtonSize, type ButtonVariant } from './button';
import { DownloadIcon } from './icons';

/** Props of DownloadButton; the texts are passed in so the component stays free of i18n. */
export interface DownloadButtonProps {
  /** The visible label, e.g. "Download JSON". */
  label: string;
  /** The visible label while the file is being saved, e.g. "Saving…". */
  busyLabel: string;
  /** A file is being saved: the button says so and ignores clicks. */
  busy: boolean;
  /**
   * What is downloaded, e.g. the chat's title: added to the accessible name only ("Download JSON: Trip plan"),
   * so a list of identical buttons can be told apart.
   */
  subject?: string;
  onDownload: () => void;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  /** For a button inside a List row: the row's roving tabindex. */
  tabIndex?: 0 | -1;
}

/** A button that saves something as a file, showing its progress while the save runs. */
export function DownloadButton({
  label,
  busyLabel,
  busy,
  subject,
  onDownload,
  variant,
  size,
  className,
  tabIndex,
}: DownloadButtonProps) {
  return (
    <Button
      variant={variant}
      size={size}
      className={className}
      icon={<DownloadIcon />}
      tabIndex={tabIndex}
      // aria-disabled, not disabled: a disabled button would drop keyboard focus while the file is saved.
      aria-disabled={busy}
      onClick={busy ? undefined : onDownload}
    >
      {busy ? busyLabel : label}
      {subject === undefined ? null : <span className="lb-visually-hidden">: {subject}</span>}
    </Button>
  );
}
