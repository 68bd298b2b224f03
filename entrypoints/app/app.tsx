import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import { HealthIcon, PromptIcon } from '@/components/icons';
import { ToastProvider } from '@/components/toast';
import { useCurrentAccount } from '@/hooks/use-conversations';
import { type Route, useRoute } from '@/hooks/use-route';
import type { AccountRecord } from '@/utils/conversations/model';
import { getUiLocale } from '@/utils/shared/ui-locale';
import '@/components/theme.css';
import './app.css';
import { ArchivePage } from './pages/archive-page';
import { ComingSoonPage } from './pages/coming-soon-page';
import { ConversationPage } from './pages/conversation-page';
import { SettingsPage } from './pages/settings-page';
import { Sidebar } from './sidebar';

/** The full-page extension app: a sidebar of sections and the section the URL hash names. */
export function App() {
  const route = useRoute();
  const current = useCurrentAccount();
  const account = current.loading ? undefined : current.account;
  const mainRef = useRef<HTMLElement>(null);
  const routeKey = route.page === 'archive' ? `archive/${route.conversationId ?? ''}` : route.page;
  const firstRender = useRef(true);

  useEffect(() => {
    document.documentElement.lang = getUiLocale();
  }, []);

  // After a navigation, move focus to the new view's heading so keyboard and screen-reader users land on it.
  // Every page renders its <h1> from its first render, a placeholder one while its data loads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the route changes.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [routeKey]);

  return (
    <ToastProvider regionLabel={i18n.t('common.notifications')} dismissLabel={i18n.t('common.dismiss')}>
      <title>{`${pageTitle(route)} · ${i18n.t('brand.name')}`}</title>
      <div className="app">
        <Sidebar active={route.page} account={account} />
        <main ref={mainRef} className="app__main">
          {current.loading ? null : <Page route={route} account={account} />}
        </main>
      </div>
    </ToastProvider>
  );
}

function pageTitle(route: Route): string {
  return i18n.t(`${route.page}.title`);
}

function Page({ route, account }: { route: Route; account: AccountRecord | undefined }) {
  switch (route.page) {
    case 'archive':
      return route.conversationId === undefined ? (
        <ArchivePage account={account} />
      ) : (
        <ConversationPage key={route.conversationId} accountId={account?.id} id={route.conversationId} />
      );
    case 'prompts':
      return (
        <ComingSoonPage
          heading={i18n.t('prompts.title')}
          icon={<PromptIcon />}
          title={i18n.t('prompts.emptyTitle')}
          body={i18n.t('prompts.emptyBody')}
        />
      );
    case 'health':
      return (
        <ComingSoonPage
          heading={i18n.t('health.title')}
          icon={<HealthIcon />}
          title={i18n.t('health.emptyTitle')}
          body={i18n.t('health.emptyBody')}
        />
      );
    case 'settings':
      return <SettingsPage />;
  }
}
