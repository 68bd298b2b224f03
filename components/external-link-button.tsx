import type { ReactNode } from 'react';
import { ButtonLink, type ButtonSize, type ButtonVariant } from './button';
import { ExternalLinkIcon } from './icons';

/** Props of ExternalLinkButton; the texts are passed in so the component stays free of i18n. */
export interface ExternalLinkButtonProps {
  href: string;
  /** The visible label, e.g. "Open in ChatGPT". */
  children: ReactNode;
  /** Read after the label by screen readers only, e.g. "(opens in a new tab)". */
  newTabLabel: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/**
 * A link to another site, styled as a button, that opens in a new tab: with the external-link icon, no
 * `window.opener` or referrer for the other site, and a warning about the new tab for screen readers.
 */
export function ExternalLinkButton({ href, children, newTabLabel, variant, size, className }: ExternalLinkButtonProps) {
  return (
    <ButtonLink
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      variant={variant}
      size={size}
      className={className}
      icon={<ExternalLinkIcon />}
    >
      {children}
      <span className="lb-visually-hidden"> {newTabLabel}</span>
    </ButtonLink>
  );
}
