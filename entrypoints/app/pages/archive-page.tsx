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
import { useConversationCount, useConversationList } from '@/hooks/use-conversations';
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
  const count = useConversationCount(account?.id);
  const { shown, showMore } = useShownCount(PAGE_SIZE, count.loading ? undefined : count.total);
  const list = useConversationList(account?.id, shown);
  // The rows once the list has answered for `shown`: useLiveQuery keeps its last answer while it asks again
  // with a new limit, and the focus below must wait for the rows it looks for.
  const conversations =
    count.loading || list.loading || list.conversations.length !== Math.min(shown, list.total)
      ? undefined
      : list.conversations;
  const { download, pending } = useDownloadConversation();
  const pageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const capture = useCapturePaused(headingRef);
  const now = useNow();
  const locale = getUiLocale();
  const pendingReturn = useRef(returnTo);
  // The last row shown before "Show more": the row after it gets focus, since the button may be gone once every
  // row is shown. Its id, not its position, so a chat saved meanwhile (it lands on top) does not shift the target.
  const lastBeforeMore = useRef<string>(undefined);

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
    if (lastBeforeMore.current !== undefined) {
      const last = lastBeforeMore.current;
      lastBeforeMore.current = undefined;
      const after = conversations.findIndex((conversation) => conversation.id === last) + 1;
      const link = after === 0 ? null : rowLink(conversations[after]?.id);
      if (link) focusRow(link);
    }
  }, [conversations]);

  const onShowMore = () => {
    lastBeforeMore.current = list.loading ? undefined : list.conversations.at(-1)?.id;
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
