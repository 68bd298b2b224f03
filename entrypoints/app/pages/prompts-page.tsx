import { i18n } from '#i18n';
import { EmptyState } from '@/components/empty-state';
import { PromptIcon } from '@/components/icons';

/** The prompt library's place in the app, until the library lands: says what is coming. */
export function PromptsPage() {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {i18n.t('prompts.title')}
        </h1>
      </header>
      <div className="card">
        <EmptyState icon={<PromptIcon />} title={i18n.t('prompts.emptyTitle')}>
          <p>{i18n.t('prompts.emptyBody')}</p>
        </EmptyState>
      </div>
    </div>
  );
}
