import type { ReactNode } from 'react';
import './empty-state.css';

/** Props of EmptyState. */
export interface EmptyStateProps {
  /** A decorative icon (hidden from screen readers). */
  icon: ReactNode;
  title: string;
  children: ReactNode;
  /** One button or link that gets the user going. */
  action?: ReactNode;
  /** Heading level of the title, so it fits the page's outline. */
  headingLevel?: 2 | 3;
  /** `compact` for narrow places such as the popup. */
  size?: 'regular' | 'compact';
}

/** What a view shows when it has nothing yet: what belongs here, and how to get it. */
export function EmptyState({ icon, title, children, action, headingLevel = 2, size = 'regular' }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`lb-empty lb-empty--${size}`}>
      <div className="lb-empty__icon" aria-hidden="true">
        {icon}
      </div>
      <Heading className="lb-empty__title">{title}</Heading>
      <div className="lb-empty__body">{children}</div>
      {action === undefined ? null : <div className="lb-empty__action">{action}</div>}
    </div>
  );
}
