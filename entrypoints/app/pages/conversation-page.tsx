import { type ReactNode, useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { Button } from '@/components/button';
import { DownloadButton } from '@/components/download-button';
import { EmptyState } from '@/components/empty-state';
import { ExternalLinkButton } from '@/components/external-link-button';
import { ArrowLeftIcon, ChatIcon } from '@/components/icons';
import { formatDateTime, RelativeTime } from '@/components/relative-time';
import { type Loadable, useConversation, type ViewedConversation } from '@/hooks/use-conversations';
import { useDownloadConversation } from '@/hooks/use-download-conversation';
import { useNow } from '@/hooks/use-now';
import {
  accountLabel,
  branchesLabel,
  chatGptUrl,
  displayTitle,
  isUntitled,
  messagesLabel,
} from '@/utils/conversations/labels';
import type { AccountRecord, ConversationRecord } from '@/utils/conversations/model';
import { getUiLocale } from '@/utils/shared/ui-locale';
import { ArchivedBadge } from '../archived-badge';
import { ConversationReader } from '../conversation-viewer';
import { DocumentTitle } from '../document-title';

/** Props of ConversationPage. */
interface ConversationPageProps {
  /** The account the app shows; a chat of another account is not shown under it. */
  account: AccountRecord | undefined;
  id: string;
  /** Shows another account in the app (offered when the chat belongs to one). */
  onSwitchAccount: (accountId: string) => void;
}

/** One saved chat: its title and facts, a link to it on chatgpt.com, its JSON download, and its messages. */
export function ConversationPage({ account, id, onSwitchAccount }: ConversationPageProps) {
  const result = useConversation(account?.id, id);
  const viewedLabel = account === undefined ? '' : accountLabel(account);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After "Switch to …" its button is gone: keyboard and screen-reader users land on the chat's title instead.
  const [switched, setSwitched] = useState(false);
  const shown = !result.loading && result.conversation !== undefined;
  useEffect(() => {
    if (!switched || !shown) return;
    headingRef.current?.focus();
    setSwitched(false);
  }, [switched, shown]);
  const conversation = result.loading ? undefined : result.conversation;
  const heading = pageHeading(result);

  return (
    <div className="page">
      <DocumentTitle name={heading.text} />
      <a href="#archive" className="back-link">
        <ArrowLeftIcon size={16} />
        {i18n.t('archive.back')}
      </a>
      {/* The same <h1> element from the first render on (a hidden "Loading chat…" until the chat is read), so
          the focus the app moves to it after a navigation stays there when the chat arrives. */}
      <header className={conversation === undefined ? 'page__header page__header--hidden' : 'page__header'}>
        <h1 ref={headingRef} className={heading.className} tabIndex={-1}>
          {heading.text}
        </h1>
        {conversation?.isArchived ? (
          <p className="page__subtitle">
            <ArchivedBadge />
          </p>
        ) : null}
        {conversation === undefined ? null : <ConversationActions conversation={conversation} />}
      </header>
      {result.loading ? null : result.elsewhere !== undefined ? (
        <div className="card">
          <EmptyState
            icon={<ChatIcon />}
            title={i18n.t('archive.elsewhereTitle')}
            action={
              <Button
                variant="primary"
                onClick={() => {
                  setSwitched(true);
                  onSwitchAccount(result.elsewhere?.id ?? '');
                }}
              >
                {i18n.t('archive.elsewhereAction', [accountLabel(result.elsewhere)])}
              </Button>
            }
          >
            <p>{i18n.t('archive.elsewhereBody', [accountLabel(result.elsewhere), viewedLabel])}</p>
          </EmptyState>
        </div>
      ) : conversation === undefined ? (
        <div className="card">
          <EmptyState
            icon={<ChatIcon />}
            title={i18n.t('archive.notFoundTitle')}
            action={
              <ExternalLinkButton href={chatGptUrl(id)} variant="primary" newTabLabel={i18n.t('common.opensInNewTab')}>
                {i18n.t('archive.notFoundAction')}
              </ExternalLinkButton>
            }
          >
            <p>{i18n.t('archive.notFoundBody')}</p>
          </EmptyState>
        </div>
      ) : (
        <ConversationFacts conversation={conversation} />
      )}
    </div>
  );
}

/** The page's heading: the chat's title, or a visually hidden one while the chat loads or when it is not there. */
function pageHeading(result: Loadable<ViewedConversation>): {
  text: string;
  className: string;
} {
  if (result.loading) return { text: i18n.t('archive.loadingTitle'), className: 'lb-visually-hidden' };
  const { conversation } = result;
  if (result.elsewhere !== undefined) {
    return { text: i18n.t('archive.elsewhereTitle'), className: 'lb-visually-hidden' };
  }
  if (conversation === undefined) return { text: i18n.t('archive.notFoundTitle'), className: 'lb-visually-hidden' };
  return {
    text: displayTitle(conversation),
    className: isUntitled(conversation) ? 'page__title is-untitled' : 'page__title',
  };
}

function ConversationActions({ conversation }: { conversation: ConversationRecord }) {
  const { download, pending } = useDownloadConversation();
  return (
    <div className="page__actions">
      <ExternalLinkButton
        href={chatGptUrl(conversation.id)}
        variant="primary"
        newTabLabel={i18n.t('common.opensInNewTab')}
      >
        {i18n.t('common.openInChatGpt')}
      </ExternalLinkButton>
      <DownloadButton
        label={i18n.t('common.downloadJson')}
        busyLabel={i18n.t('common.downloading')}
        busy={pending.has(conversation.id)}
        onDownload={() => download(conversation.id)}
      />
    </div>
  );
}

function ConversationFacts({ conversation }: { conversation: ConversationRecord }) {
  const now = useNow();
  const locale = getUiLocale();
  return (
    <>
      <div className="card">
        <dl className="facts">
          <Fact term={i18n.t('archive.updated')}>
            <RelativeTime value={conversation.updatedAt} now={now} locale={locale} />
            <span className="facts__sub">{formatDateTime(conversation.updatedAt, locale)}</span>
          </Fact>
          <Fact term={i18n.t('archive.created')}>{formatDateTime(conversation.createdAt, locale)}</Fact>
          <Fact term={i18n.t('archive.model')}>
            {conversation.model === null ? (
              i18n.t('archive.modelUnknown')
            ) : (
              <span className="model-badge">{conversation.model}</span>
            )}
          </Fact>
          <Fact term={i18n.t('archive.length')}>
            {messagesLabel(conversation.messageCount)}
            {conversation.branchCount > 1 ? (
              <span className="facts__sub">{branchesLabel(conversation.branchCount)}</span>
            ) : null}
          </Fact>
          <Fact term={i18n.t('archive.capturedAt')}>
            <RelativeTime value={conversation.capturedAt} now={now} locale={locale} />
          </Fact>
        </dl>
      </div>
      <ConversationReader id={conversation.id} />
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
