import { i18n } from '#i18n';
import { EmptyState } from '@/components/empty-state';
import { HealthIcon } from '@/components/icons';

/** ChatGPT's health watch's place in the app, until it lands: says what is coming. */
export function HealthPage() {
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {i18n.t('health.title')}
        </h1>
      </header>
      <div className="card">
        <EmptyState icon={<HealthIcon />} title={i18n.t('health.emptyTitle')}>
          <p>{i18n.t('health.emptyBody')}</p>
        </EmptyState>
      </div>
    </div>
  );
}
