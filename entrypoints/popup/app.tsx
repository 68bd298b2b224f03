import { type MouseEvent, useEffect } from 'react';
import { i18n } from '#i18n';
import { Button, ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { ArchiveIcon, ChatIcon, ExternalLinkIcon, SettingsIcon } from '@/components/icons';
import { List } from '@/components/list';
import { RelativeTime } from '@/components/relative-time';
import '@/components/theme.css';
import { CapturePausedBanner } from '@/entrypoints/app/capture-paused-banner';
import { useConversationList, useCurrentAccount } from '@/entrypoints/app/hooks/use-conversations';
import { useNow } from '@/entrypoints/app/hooks/use-now';
import { accountKindLabel, chatsSavedLabel, displayTitle } from '@/entrypoints/app/lib/conversation-labels';
import { type AppHash, appPageUrl, openAppPage } from '@/entrypoints/app/lib/open-app-page';
import { formatNumber, getUiLocale } from '@/entrypoints/app/lib/ui-locale';
import type { ConversationRecord } from '@/utils/conversations/model';
import './popup.css';

/** How many chats the popup lists; the archive page has the rest. */
const POPUP_LIMIT = 50;

/** The toolbar popup: the current account's newest saved chats and the way into the full archive. */
export function App() {
  const current = useCurrentAccount();
  const account = current.loading ? undefined : current.account;
  const list = useConversationList(account?.id, POPUP_LIMIT);
  const now = useNow();
  const locale = getUiLocale();

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const open = (hash: AppHash) => {
    // The popup closes once the new tab takes focus.
    void openAppPage(hash).then(() => window.close());
  };

  return (
    <div className="popup">
      <header className="popup__header">
        <img src="/icon/lifeboat.svg" alt="" width={28} height={28} />
        <h1 className="popup__name">{i18n.t('brand.name')}</h1>
        {account === undefined ? null : (
          <p className="popup__account" title={accountKindLabel(account)}>
            {account.label}
          </p>
        )}
      </header>
      <main className="popup__main">
        <div className="popup__banner">
          <CapturePausedBanner />
        </div>
        {current.loading || list.loading ? null : list.total === 0 ? (
          <EmptyState
            size="compact"
            icon={<ChatIcon />}
            title={i18n.t('popup.emptyTitle')}
            action={
              <ButtonLink
                href="https://chatgpt.com/"
                target="_blank"
                rel="noopener noreferrer"
                variant="secondary"
                icon={<ExternalLinkIcon />}
              >
                {i18n.t('common.openChatGpt')}
                <span className="lb-visually-hidden"> {i18n.t('common.opensInNewTab')}</span>
              </ButtonLink>
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
                  onOpen={() => open(`archive/${encodeURIComponent(conversation.id)}`)}
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
        <Button variant="primary" icon={<ArchiveIcon />} className="popup__open" onClick={() => open('archive')}>
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

interface PopupRowProps {
  conversation: ConversationRecord;
  tabIndex: 0 | -1;
  now: number;
  locale: string;
  onOpen: () => void;
}

function PopupRow({ conversation, tabIndex, now, locale, onOpen }: PopupRowProps) {
  const href = appPageUrl(`archive/${encodeURIComponent(conversation.id)}`);
  const untitled = conversation.title.trim() === '';
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
        onClick={onClick}
      >
        {displayTitle(conversation)}
      </a>
      <p className="popup-row__meta">
        <RelativeTime value={conversation.updatedAt} now={now} locale={locale} />
        {conversation.model === null ? null : <span className="popup-row__model">{conversation.model}</span>}
      </p>
    </div>
  );
}
