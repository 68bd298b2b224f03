import { useEffect, useRef } from 'react';
import { i18n } from '#i18n';
import { Button } from '@/components/button';
import { CapturePausedBanner } from '@/components/capture-paused-banner';
import { DownloadButton } from '@/components/download-button';
import { EmptyState } from '@/components/empty-state';
import { ExternalLinkButton } from '@/components/external-link-button';
import { ArchiveIcon, BranchIcon, MessagesIcon } from '@/components/icons';
import { List } from '@/components/list';
import { RelativeTime } from '@/components/relative-time';
import { useCapturePaused } from '@/hooks/use-capture-paused';
import { useConversationList } from '@/hooks/use-conversations';
import { useDownloadConversation } from '@/hooks/use-download-conversation';
import { useNow } from '@/hooks/use-now';
import { conversationHash } from '@/hooks/use-route';
import { useShownCount } from '@/hooks/use-shown-count';
import {
  accountLabel,
  branchesLabel,
  chatsSavedLabel,
  displayTitle,
  isUntitled,
  messagesLabel,
} from '@/utils/conversations/labels';
import type { AccountRecord, ConversationRecord } from '@/utils/conversations/model';
import { formatNumber, getUiLocale } from '@/utils/shared/ui-locale';
import { ArchivedBadge } from '../archived-badge';

/** How many rows the archive renders at first, and adds per "Show more". */
const PAGE_SIZE = 100;

/** Props of ArchivePage. */
export interface ArchivePageProps {
  account: AccountRecord | undefined;
  /** The chat the user just came back from: its row gets focus (and scrolls into view) once the list is read. */
  returnTo?: string;
}

/** The archive: the current account's saved chats, newest first, each with a JSON download. */
export function ArchivePage({ account, returnTo }: ArchivePageProps) {
  const { shown, showMore } = useShownCount(PAGE_SIZE);
  const list = useConversationList(account?.id, shown);
  const conversations = list.loading ? undefined : list.conversations;
  const { download, pending } = useDownloadConversation();
  const capture = useCapturePaused();
  const now = useNow();
  const locale = getUiLocale();
  const pageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pendingReturn = useRef(returnTo);
  // The row "Show more" revealed first: it gets focus, since the button may be gone once every row is shown.
  const firstNewRow = useRef<number>(undefined);

  useEffect(() => {
    if (conversations === undefined) return;
    const rowLink = (id: string | undefined) =>
      id === undefined
        ? null
        : pageRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`);
    if (pendingReturn.current !== undefined) {
      const link = rowLink(pendingReturn.current);
      pendingReturn.current = undefined;
      if (link) focusRow(link);
      else headingRef.current?.focus();
    }
    if (firstNewRow.current !== undefined && firstNewRow.current < conversations.length) {
      const link = rowLink(conversations[firstNewRow.current]?.id);
      firstNewRow.current = undefined;
      if (link) focusRow(link);
    }
  }, [conversations]);

  const onShowMore = () => {
    firstNewRow.current = conversations?.length;
    showMore();
  };

  return (
    <div className="page" ref={pageRef}>
      <header className="page__header">
        <h1 className="page__title" tabIndex={-1} ref={headingRef}>
          {i18n.t('archive.title')}
        </h1>
        {list.loading || list.total === 0 ? null : (
          <p className="page__subtitle">
            {chatsSavedLabel(list.total)}
            {account === undefined ? null : (
              <>
                <span aria-hidden="true"> · </span>
                {accountLabel(account)}
              </>
            )}
          </p>
        )}
      </header>
      {capture.paused ? (
        <CapturePausedBanner
          message={i18n.t('common.capturePaused')}
          actionLabel={i18n.t('common.capturePausedAction')}
          onResume={capture.resume}
        />
      ) : null}
      {list.loading ? null : list.total === 0 ? (
        <div className="card">
          <EmptyState
            icon={<ArchiveIcon />}
            title={i18n.t('archive.emptyTitle')}
            action={
              <ExternalLinkButton
                href="https://chatgpt.com/"
                variant="primary"
                newTabLabel={i18n.t('common.opensInNewTab')}
              >
                {i18n.t('common.openChatGpt')}
              </ExternalLinkButton>
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
              <Button onClick={onShowMore}>{i18n.t('archive.showMore')}</Button>
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
  const untitled = isUntitled(conversation);
  const title = displayTitle(conversation);
  return (
    <div className="archive-row">
      <div className="archive-row__main">
        {/* The whole title is the link's text (so its accessible name); CSS only clips what is drawn. */}
        <a
          href={conversationHash(conversation.id)}
          className={`archive-row__title${untitled ? ' is-untitled' : ''}`}
          tabIndex={tabIndex}
          title={title}
          data-conversation-id={conversation.id}
        >
          {title}
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
          {conversation.isArchived ? <ArchivedBadge /> : null}
        </p>
      </div>
      <DownloadButton
        size="sm"
        variant="ghost"
        className="archive-row__action"
        tabIndex={tabIndex}
        label={i18n.t('common.downloadJson')}
        busyLabel={i18n.t('common.downloading')}
        busy={downloading}
        subject={title}
        onDownload={onDownload}
      />
    </div>
  );
}

/** Focuses a row's link and brings the row to the middle of the screen. */
function focusRow(link: HTMLElement): void {
  link.focus({ preventScroll: true });
  link.scrollIntoView({ block: 'center' });
}
