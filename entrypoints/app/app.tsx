import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { HealthIcon, PromptIcon } from '@/components/icons';
import { ToastProvider } from '@/components/toast';
import { useViewedAccount, type ViewedAccount } from '@/hooks/use-conversations';
import { type Route, useRoute } from '@/hooks/use-route';
import { ensurePersistentStorage } from '@/utils/db/storage-state';
import { getUiLocale } from '@/utils/shared/ui-locale';
import '@/components/theme.css';
import './app.css';
import { DocumentTitle } from './document-title';
import { ArchivePage } from './pages/archive-page';
import { ComingSoonPage } from './pages/coming-soon-page';
import { ConversationPage } from './pages/conversation-page';
import { SettingsPage } from './pages/settings-page';
import { Sidebar } from './sidebar';

/** The full-page extension app: a sidebar of sections and the section the URL hash names. */
export function App() {
  const route = useRoute();
  const viewed = useViewedAccount();
  const mainRef = useRef<HTMLElement>(null);
  const routeKey = keyOf(route);
  const firstRender = useRef(true);
  // Coming back from a chat to the archive list, the archive focuses that chat's row instead of the heading.
  const [previousRoute, setPreviousRoute] = useState(route);
  const [returnTo, setReturnTo] = useState<string>();
  if (keyOf(previousRoute) !== routeKey) {
    setPreviousRoute(route);
    setReturnTo(
      route.page === 'archive' && route.conversationId === undefined && previousRoute.page === 'archive'
        ? previousRoute.conversationId
        : undefined,
    );
  }

  useEffect(() => {
    document.documentElement.lang = getUiLocale();
    // Ask once per page: the archive should survive the browser's clean-ups when the disk runs low.
    void ensurePersistentStorage();
  }, []);

  // After a navigation, move focus to the new view's heading so keyboard and screen-reader users land on it.
  // Every page renders its <h1> from its first render, a placeholder one while its data loads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose whenever the route changes.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (returnTo === undefined) mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [routeKey]);

  return (
    <ToastProvider regionLabel={i18n.t('common.notifications')} dismissLabel={i18n.t('common.dismiss')}>
      {/* A chat's page names the tab after the chat itself. */}
      {route.page === 'archive' && route.conversationId !== undefined ? null : (
        <DocumentTitle name={pageTitle(route)} />
      )}
      <div className="app">
        <Sidebar active={route.page} viewed={viewed.loading ? undefined : viewed} />
        <main ref={mainRef} className="app__main">
          {viewed.loading ? null : <Page route={route} viewed={viewed} returnTo={returnTo} />}
        </main>
      </div>
    </ToastProvider>
  );
}

/** One string per view, so a change of view can be noticed. */
function keyOf(route: Route): string {
  return route.page === 'archive' ? `archive/${route.conversationId ?? ''}` : route.page;
}

function pageTitle(route: Route): string {
  return i18n.t(`${route.page}.title`);
}

interface PageProps {
  route: Route;
  viewed: ViewedAccount;
  returnTo: string | undefined;
}

function Page({ route, viewed, returnTo }: PageProps) {
  const { account } = viewed;
  switch (route.page) {
    case 'archive':
      return route.conversationId === undefined ? (
        <ArchivePage account={account} returnTo={returnTo} />
      ) : (
        <ConversationPage
          key={route.conversationId}
          account={account}
          id={route.conversationId}
          onSwitchAccount={viewed.select}
        />
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
