import { type MouseEvent, useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import { AccountSwitcher } from '@/components/account-switcher';
import { Button } from '@/components/button';
import { CapturePausedBanner } from '@/components/capture-paused-banner';
import { EmptyState } from '@/components/empty-state';
import { ExternalLinkButton } from '@/components/external-link-button';
import { ArchiveIcon, ChatIcon, SettingsIcon } from '@/components/icons';
import { List } from '@/components/list';
import { RelativeTime } from '@/components/relative-time';
import { ToastProvider } from '@/components/toast';
import { useCapturePaused } from '@/hooks/use-capture-paused';
import { useConversationList, useViewedAccount } from '@/hooks/use-conversations';
import { useErrorToast } from '@/hooks/use-error-toast';
import { useNow } from '@/hooks/use-now';
import { useRateLimitedUntil } from '@/hooks/use-rate-limit';
import { chatsSavedLabel, displayTitle, isUntitled, switcherAccount } from '@/utils/conversations/labels';
import type { ConversationRecord } from '@/utils/conversations/model';
import { ensurePersistentStorage } from '@/utils/db/storage-state';
import { type AppHash, appPageUrl, conversationAppHash, openAppPage } from '@/utils/shared/open-app-page';
import { formatNumber, getUiLocale } from '@/utils/shared/ui-locale';
import '@/components/theme.css';
import './popup.css';

/** How many chats the popup lists; the archive page has the rest. */
const POPUP_LIMIT = 50;

/** The toolbar popup: the current account's newest saved chats and the way into the full archive. */
export function App() {
  return (
    <ToastProvider regionLabel={i18n.t('common.notifications')} dismissLabel={i18n.t('common.dismiss')}>
      <Popup />
    </ToastProvider>
  );
}

function Popup() {
  const viewed = useViewedAccount();
  const account = viewed.loading ? undefined : viewed.account;
  const list = useConversationList(account?.id, POPUP_LIMIT);
  const rateLimitedUntil = useRateLimitedUntil();
  const showError = useErrorToast();
  const openArchiveRef = useRef<HTMLButtonElement>(null);
  const capture = useCapturePaused(openArchiveRef);
  const now = useNow();
  const locale = getUiLocale();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    // Ask once per page: the archive should survive the browser's clean-ups when the disk runs low.
    void ensurePersistentStorage();
  }, []);

  const open = (hash: AppHash) => {
    // The popup closes once the app's tab (reused if open, else new) takes focus.
    openAppPage(hash).then(
      () => window.close(),
      (error: unknown) => showError(i18n.t('popup.openFailed'), error),
    );
  };

  return (
    <div className="popup">
      <header className="popup__header">
        <img src="/icon/lifeboat.svg" alt="" width={28} height={28} />
        <h1 className="popup__name">{i18n.t('brand.name')}</h1>
        {viewed.loading || account === undefined ? null : (
          <AccountSwitcher
            className="popup__account"
            label={i18n.t('common.accountShown')}
            accounts={viewed.accounts.map(switcherAccount)}
            selectedId={account.id}
            onSelect={viewed.select}
          />
        )}
      </header>
      <main className="popup__main">
        {capture.paused ? (
          <div className="popup__banner">
            <CapturePausedBanner
              message={i18n.t('common.capturePaused')}
              actionLabel={i18n.t('common.capturePausedAction')}
              onResume={capture.resume}
            />
          </div>
        ) : null}
        {rateLimitedUntil > now ? (
          <div className="popup__banner">
            <RateLimitBanner until={rateLimitedUntil} />
          </div>
        ) : null}
        {viewed.loading || list.loading ? null : list.total === 0 ? (
          <EmptyState
            size="compact"
            icon={<ChatIcon />}
            title={i18n.t('popup.emptyTitle')}
            action={
              <ExternalLinkButton
                href="https://chatgpt.com/"
                variant="secondary"
                newTabLabel={i18n.t('common.opensInNewTab')}
              >
                {i18n.t('common.openChatGpt')}
              </ExternalLinkButton>
            }
          >
            <p>{i18n.t('popup.emptyBody')}</p>
          </EmptyState>
        ) : (
          <>
            <p className="popup__count">{chatsSavedLabel(list.total)}</p>
            <List
              aria-label={i18n.t('popup.listLabel')}
              className="popup__list"
              items={list.conversations}
              getKey={(conversation) => conversation.id}
              renderItem={(conversation, row) => (
                <PopupRow
                  conversation={conversation}
                  tabIndex={row.tabIndex}
                  now={now}
                  locale={locale}
                  onOpen={() => open(conversationAppHash(conversation.id))}
                />
              )}
            />
            {list.total > list.conversations.length ? (
              <p className="popup__more">{i18n.t('popup.showingNewest', [formatNumber(list.conversations.length)])}</p>
            ) : null}
          </>
        )}
      </main>
      <footer className="popup__footer">
        <Button
          ref={openArchiveRef}
          variant="primary"
          icon={<ArchiveIcon />}
          className="popup__open"
          onClick={() => open('archive')}
        >
          {i18n.t('popup.openArchive')}
        </Button>
        <Button
          variant="secondary"
          icon={<SettingsIcon />}
          aria-label={i18n.t('popup.openSettings')}
          title={i18n.t('popup.openSettings')}
          onClick={() => open('settings')}
        />
      </footer>
    </div>
  );
}

/** Says that ChatGPT's rate limit pauses Lifeboat's requests, counting down to when they resume. */
function RateLimitBanner({ until }: { until: number }) {
  const now = useNow(1000);
  if (until <= now) return null;
  const seconds = Math.ceil((until - now) / 1000);
  return (
    <p className="lb-banner popup__rate-limit" role="status">
      {i18n.t('popup.rateLimited', seconds, [formatNumber(seconds)])}
    </p>
  );
}

interface PopupRowProps {
  conversation: ConversationRecord;
  tabIndex: 0 | -1;
  now: number;
  locale: string;
  onOpen: () => void;
}

function PopupRow({ conversation, tabIndex, now, locale, onOpen }: PopupRowProps) {
  const href = appPageUrl(conversationAppHash(conversation.id));
  const untitled = isUntitled(conversation);
  const title = displayTitle(conversation);
  // A real link (so it reads as one and can be middle-clicked), opened through the tabs API so it works in
  // every browser's popup.
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    onOpen();
  };
  return (
    <div className="popup-row">
      <a
        href={href}
        target="_blank"
        rel="noopener"
        className={`popup-row__title${untitled ? ' is-untitled' : ''}`}
        tabIndex={tabIndex}
        title={title}
        onClick={onClick}
      >
        {/* The whole title is the link's text (so its accessible name); CSS ends what is drawn with "…". */}
        {title}
      </a>
      <p className="popup-row__meta">
        <RelativeTime value={conversation.updatedAt} now={now} locale={locale} />
        {conversation.model === null ? null : <span className="popup-row__model">{conversation.model}</span>}
      </p>
    </div>
  );
}
