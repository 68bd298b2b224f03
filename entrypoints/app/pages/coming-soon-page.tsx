import type { ReactNode } from 'react';
import { EmptyState } from '@/components/empty-state';

/** Props of ComingSoonPage. */
export interface ComingSoonPageProps {
  /** The section's name, the page's heading (e.g. "Prompts"). */
  heading: string;
  /** A decorative icon of the section. */
  icon: ReactNode;
  /** What is on its way, e.g. "Your prompt library is on its way". */
  title: string;
  /** What it will do, and that chats keep being saved meanwhile. */
  body: string;
}

/** A section's place in the app until its feature lands: says what is coming. */
export function ComingSoonPage({ heading, icon, title, body }: ComingSoonPageProps) {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {heading}
        </h1>
      </header>
      <div className="card">
        <EmptyState icon={icon} title={title}>
          <p>{body}</p>
        </EmptyState>
      </div>
    </div>
  );
}
