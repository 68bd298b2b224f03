import type { ReactNode } from 'react';
import { i18n } from '#i18n';
import { Button, ButtonLink } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { ArrowLeftIcon, ChatIcon, DownloadIcon, ExternalLinkIcon, InfoIcon } from '@/components/icons';
import { formatDateTime, RelativeTime } from '@/components/relative-time';
import { useConversation } from '../hooks/use-conversations';
import { useDownloadConversation } from '../hooks/use-download-conversation';
import { useNow } from '../hooks/use-now';
import { branchesLabel, chatGptUrl, displayTitle, messagesLabel } from '../lib/conversation-labels';
import { getUiLocale } from '../lib/ui-locale';

/** One saved chat: its title and facts, a link to it on chatgpt.com and its JSON download. */
export function ConversationPage({ accountId, id }: { accountId?: string; id: string }) {
  const result = useConversation(accountId, id);
  const { download, pending } = useDownloadConversation();
  const now = useNow();
  const locale = getUiLocale();
  const downloading = pending.has(id);

  const back = (
    <a href="#archive" className="back-link">
      <ArrowLeftIcon size={16} />
      {i18n.t('archive.back')}
    </a>
  );

  if (result.loading) return <div className="page">{back}</div>;
  const { conversation } = result;
  if (conversation === undefined) {
    return (
      <div className="page">
        {back}
        <h1 className="lb-visually-hidden" tabIndex={-1}>
          {i18n.t('archive.notFoundTitle')}
        </h1>
        <div className="card">
          <EmptyState icon={<ChatIcon />} title={i18n.t('archive.notFoundTitle')}>
            <p>{i18n.t('archive.notFoundBody')}</p>
          </EmptyState>
        </div>
      </div>
    );
  }

  const untitled = conversation.title.trim() === '';
  return (
    <div className="page">
      {back}
      <header className="page__header">
        <h1 className={`page__title${untitled ? ' is-untitled' : ''}`} tabIndex={-1}>
          {displayTitle(conversation)}
        </h1>
        <div className="page__actions">
          <ButtonLink
            href={chatGptUrl(conversation.id)}
            target="_blank"
            rel="noopener noreferrer"
            variant="primary"
            icon={<ExternalLinkIcon />}
          >
            {i18n.t('common.openInChatGpt')}
            <span className="lb-visually-hidden"> {i18n.t('common.opensInNewTab')}</span>
          </ButtonLink>
          <Button
            icon={<DownloadIcon />}
            aria-disabled={downloading}
            onClick={downloading ? undefined : () => download(conversation.id)}
          >
            {downloading ? i18n.t('common.downloading') : i18n.t('common.downloadJson')}
          </Button>
        </div>
      </header>
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
      <p className="note">
        <InfoIcon size={18} />
        {i18n.t('archive.readingSoon')}
      </p>
    </div>
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
