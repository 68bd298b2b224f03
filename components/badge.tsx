import type { ReactNode } from 'react';
import './badge.css';

/** Props of Badge. */
export interface BadgeProps {
  /** A short state, e.g. "Archived in ChatGPT". */
  children: ReactNode;
  /** A decorative icon before the text. */
  icon?: ReactNode;
}

/** A small, quiet label for a state of the thing next to it; plain text for screen readers. */
export function Badge({ children, icon }: BadgeProps) {
  return (
    <span className="lb-badge">
      {icon}
      {children}
    </span>
  );
}
