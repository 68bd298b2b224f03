import { useState } from 'react';
import { i18n } from '#i18n';
import { Button, ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { ArchiveIcon, BranchIcon, DownloadIcon, ExternalLinkIcon, MessagesIcon } from '@/components/icons';
import { List } from '@/components/list';
import { RelativeTime } from '@/components/relative-time';
import type { ConversationRecord } from '@/utils/conversations/model';
import { CapturePausedBanner } from '../capture-paused-banner';
import { useConversationList } from '../hooks/use-conversations';
import { useDownloadConversation } from '../hooks/use-download-conversation';
import { useNow } from '../hooks/use-now';
import { conversationHash } from '../hooks/use-route';
import { branchesLabel, chatsSavedLabel, displayTitle, messagesLabel } from '../lib/conversation-labels';
import { formatNumber, getUiLocale } from '../lib/ui-locale';

/** How many rows the archive renders at first, and adds per "Show more". */
const PAGE_SIZE = 100;

/** The archive: the current account's saved chats, newest first, each with a JSON download. */
export function ArchivePage({ accountId, accountLabel }: { accountId?: string; accountLabel?: string }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const list = useConversationList(accountId, limit);
  const { download, pending } = useDownloadConversation();
  const now = useNow();
  const locale = getUiLocale();

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title" tabIndex={-1}>
          {i18n.t('archive.title')}
        </h1>
        {list.loading || list.total === 0 ? null : (
          <p className="page__subtitle">
            {chatsSavedLabel(list.total)}
            {accountLabel === undefined ? null : (
              <>
                <span aria-hidden="true"> · </span>
                {accountLabel}
              </>
            )}
          </p>
        )}
      </header>
      <CapturePausedBanner />
      {list.loading ? null : list.total === 0 ? (
        <div className="card">
          <EmptyState
            icon={<ArchiveIcon />}
            title={i18n.t('archive.emptyTitle')}
            action={
              <ButtonLink
                href="https://chatgpt.com/"
                target="_blank"
                rel="noopener noreferrer"
                variant="primary"
                icon={<ExternalLinkIcon />}
              >
                {i18n.t('common.openChatGpt')}
                <span className="lb-visually-hidden"> {i18n.t('common.opensInNewTab')}</span>
              </ButtonLink>
            }
          >
            <p>{i18n.t('archive.emptyBody')}</p>
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="card card--flush">
            <List
              aria-label={i18n.t('archive.listLabel')}
              items={list.conversations}
              getKey={(conversation) => conversation.id}
              renderItem={(conversation, row) => (
                <ArchiveRow
                  conversation={conversation}
                  tabIndex={row.tabIndex}
                  now={now}
                  locale={locale}
                  downloading={pending.has(conversation.id)}
                  onDownload={() => download(conversation.id)}
                />
              )}
            />
          </div>
          {list.conversations.length < list.total ? (
            <div className="page__more">
              <p className="page__more-text">
                {i18n.t('archive.showing', [formatNumber(list.conversations.length), formatNumber(list.total)])}
              </p>
              <Button onClick={() => setLimit((value) => value + PAGE_SIZE)}>{i18n.t('archive.showMore')}</Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

interface ArchiveRowProps {
  conversation: ConversationRecord;
  tabIndex: 0 | -1;
  now: number;
  locale: string;
  downloading: boolean;
  onDownload: () => void;
}

function ArchiveRow({ conversation, tabIndex, now, locale, downloading, onDownload }: ArchiveRowProps) {
  const titleId = `title-${conversation.id}`;
  const untitled = conversation.title.trim() === '';
  return (
    <div className="archive-row">
      <div className="archive-row__main">
        <a
          id={titleId}
          href={conversationHash(conversation.id)}
          className={`archive-row__title${untitled ? ' is-untitled' : ''}`}
          tabIndex={tabIndex}
        >
          {displayTitle(conversation)}
        </a>
        <p className="archive-row__meta">
          <RelativeTime value={conversation.updatedAt} now={now} locale={locale} />
          {conversation.model === null ? null : <span className="model-badge">{conversation.model}</span>}
          <span className="archive-row__stat">
            <MessagesIcon size={14} />
            {messagesLabel(conversation.messageCount)}
          </span>
          {conversation.branchCount > 1 ? (
            <span className="archive-row__stat">
              <BranchIcon size={14} />
              {branchesLabel(conversation.branchCount)}
            </span>
          ) : null}
        </p>
      </div>
      <Button
        size="sm"
        variant="ghost"
        className="archive-row__action"
        icon={<DownloadIcon />}
        tabIndex={tabIndex}
        aria-describedby={titleId}
        // aria-disabled, not disabled: a disabled button would drop keyboard focus while the file is saved.
        aria-disabled={downloading}
        onClick={downloading ? undefined : onDownload}
      >
        {downloading ? i18n.t('common.downloading') : i18n.t('common.downloadJson')}
      </Button>
    </div>
  );
}
