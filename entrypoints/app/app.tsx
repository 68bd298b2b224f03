import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import { ToastProvider } from '@/components/toast';
import '@/components/theme.css';
import './app.css';
import { useCurrentAccount } from './hooks/use-conversations';
import { type Route, useRoute } from './hooks/use-route';
import { getUiLocale } from './lib/ui-locale';
import { ArchivePage } from './pages/archive-page';
import { ConversationPage } from './pages/conversation-page';
import { HealthPage } from './pages/health-page';
import { PromptsPage } from './pages/prompts-page';
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
          {current.loading ? null : <Page route={route} accountId={account?.id} accountLabel={account?.label} />}
        </main>
      </div>
    </ToastProvider>
  );
}

function pageTitle(route: Route): string {
  return i18n.t(`${route.page}.title`);
}

function Page({ route, accountId, accountLabel }: { route: Route; accountId?: string; accountLabel?: string }) {
  switch (route.page) {
    case 'archive':
      return route.conversationId === undefined ? (
        <ArchivePage accountId={accountId} accountLabel={accountLabel} />
      ) : (
        <ConversationPage key={route.conversationId} accountId={accountId} id={route.conversationId} />
      );
    case 'prompts':
      return <PromptsPage />;
    case 'health':
      return <HealthPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
