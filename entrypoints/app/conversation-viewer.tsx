import { type ReactNode, useId, useState } from 'react';
import { i18n } from '#i18n';
import { Button } from '@/components/button';
import { CodeBlock } from '@/components/code-block';
import { EmptyState } from '@/components/empty-state';
import { ChatIcon } from '@/components/icons';
import { isSafeUrl, Markdown } from '@/components/markdown';
import { Switch } from '@/components/switch';
import { useBranchChoice, useConversationView } from '@/hooks/use-conversation-view';
import type {
  Block,
  Branch,
  ConversationView,
  ForkOnBranch,
  MessageView,
} from '@/utils/conversations/parse/conversation-view';
import './conversation-viewer.css';

/** The stored copy of chat `id`, read offline; says so when there is none or it cannot be read. */
export function ConversationReader({ id }: { id: string }) {
  const result = useConversationView(id);
  if (result.loading) return null;
  const { text, view } = result;
  if (text === undefined) {
    return (
      <div className="card">
        <EmptyState icon={<ChatIcon />} title={i18n.t('viewer.noBodyTitle')}>
          <p>{i18n.t('viewer.noBodyBody')}</p>
        </EmptyState>
      </div>
    );
  }
  if (view === undefined) {
    return (
      <div className="card">
        <EmptyState icon={<ChatIcon />} title={i18n.t('viewer.unreadableTitle')}>
          <p>{i18n.t('viewer.unreadableBody')}</p>
        </EmptyState>
        <RawJson text={text} />
      </div>
    );
  }
  return <ConversationViewer key={id} view={view} text={text} />;
}

/** Props of ConversationViewer. */
interface ConversationViewerProps {
  view: ConversationView;
  /** The stored JSON text, shown as is under "Raw JSON". */
  text: string;
}

/**
 * A saved chat read offline: the chosen branch's messages, a "‹ 2/3 ›" switcher at every fork, hidden messages on
 * request, and the stored JSON.
 */
export function ConversationViewer({ view, text }: ConversationViewerProps) {
  const { branch, showBranchThrough } = useBranchChoice(view);
  const [showHidden, setShowHidden] = useState(false);
  const shown = branch.messages.filter((message) => showHidden || message.hidden === null);
  const forksAt = placeForks(branch, shown);
  return (
    <section className="viewer" aria-label={i18n.t('viewer.messages')}>
      <div className="viewer__toolbar">
        <Switch
          checked={showHidden}
          onChange={setShowHidden}
          label={i18n.t('viewer.showHidden')}
          description={i18n.t('viewer.showHiddenHint')}
        />
      </div>
      {shown.length === 0 ? <p className="viewer__empty">{i18n.t('viewer.emptyBranch')}</p> : null}
      <ol className="viewer__messages">
        {shown.map((message) => (
          // A message carrying a switcher is keyed by its fork, so the switcher (and the focus on its button)
          // stays in place when another version of the message takes its row.
          <li key={listKey(message, forksAt)} className={`message message--${roleClass(message.role)}`}>
            <Message key={message.nodeId} message={message} />
            {(forksAt.get(message.nodeId) ?? []).map((fork) => (
              <BranchSwitcher key={fork.nodeId} fork={fork} onShow={showBranchThrough} />
            ))}
          </li>
        ))}
      </ol>
      {(forksAt.get('') ?? []).map((fork) => (
        <BranchSwitcher key={fork.nodeId} fork={fork} onShow={showBranchThrough} />
      ))}
      <RawJson text={text} />
    </section>
  );
}

/** The whole stored chat as text, behind a disclosure (rendered only once opened: it can be megabytes). */
function RawJson({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="viewer__raw" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{i18n.t('viewer.rawJson')}</summary>
      <p className="viewer__hint">{i18n.t('viewer.rawJsonHint')}</p>
      {open ? <pre className="lb-code viewer__pre">{text}</pre> : null}
    </details>
  );
}

/**
 * Each fork on the branch, keyed by the shown message that carries its switcher: the fork's chosen child, or the
 * first shown message after it when that child is hidden ('' when none is shown after it).
 */
function placeForks(branch: Branch, shown: MessageView[]): Map<string, ForkOnBranch[]> {
  const position = new Map(branch.nodeIds.map((nodeId, index) => [nodeId, index]));
  const placed = new Map<string, ForkOnBranch[]>();
  for (const fork of branch.forks) {
    const childAt = position.get(fork.children[fork.selectedIndex] ?? '') ?? 0;
    const carrier = shown.find((message) => (position.get(message.nodeId) ?? -1) >= childAt);
    const key = carrier?.nodeId ?? '';
    placed.set(key, [...(placed.get(key) ?? []), fork]);
  }
  return placed;
}

function listKey(message: MessageView, forksAt: Map<string, ForkOnBranch[]>): string {
  const fork = forksAt.get(message.nodeId)?.[0];
  return fork === undefined ? message.nodeId : `fork:${fork.nodeId}`;
}

function roleClass(role: string): string {
  return ['user', 'assistant', 'tool', 'system'].includes(role) ? role : 'other';
}

function roleLabel(message: MessageView): string {
  switch (message.role) {
    case 'user':
      return i18n.t('viewer.you');
    case 'assistant':
      return i18n.t('viewer.assistant');
    case 'system':
      return i18n.t('viewer.system');
    case 'tool':
      return message.authorName === null ? i18n.t('viewer.tool') : i18n.t('viewer.toolNamed', [message.authorName]);
    default:
      return message.role;
  }
}

function Message({ message }: { message: MessageView }) {
  return (
    <article className="message__body" aria-label={roleLabel(message)}>
      <header className="message__header">
        <span className="message__role">{roleLabel(message)}</span>
        {message.role === 'assistant' && message.modelSlug !== null ? (
          <span className="model-badge">{message.modelSlug}</span>
        ) : null}
        {message.hidden === null ? null : <span className="message__hidden">{i18n.t('viewer.hiddenBadge')}</span>}
      </header>
      {message.blocks.map((block, index) => (
        // Blocks never move within a message; their order is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <BlockView key={index} block={block} plainText={message.role === 'user'} />
      ))}
    </article>
  );
}

/** One block; `plainText` shows text as typed (ChatGPT shows the user's own messages without Markdown). */
function BlockView({ block, plainText }: { block: Block; plainText: boolean }): ReactNode {
  switch (block.kind) {
    case 'text':
      return plainText ? (
        <p className="block block--plain">{block.markdown}</p>
      ) : (
        <Markdown markdown={block.markdown} />
      );
    case 'code':
      return <CodeBlock language={block.language} source={block.source} />;
    case 'execution-output':
      return (
        <figure className="block">
          <figcaption className="block__caption">{i18n.t('viewer.output')}</figcaption>
          <pre className="lb-code viewer__pre">{block.text}</pre>
        </figure>
      );
    case 'image':
      return (
        <p className="block block--placeholder">
          {block.fileId === null ? i18n.t('viewer.imageNoId') : i18n.t('viewer.imageNotStored', [block.fileId])}
          {block.alt === null ? null : <span className="block__alt">{block.alt}</span>}
        </p>
      );
    case 'reasoning':
      return (
        <details className="block block--reasoning">
          <summary>{block.recap ?? i18n.t('viewer.reasoning')}</summary>
          {block.thoughts.map((thought, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: thoughts never move.
            <div key={index} className="block__thought">
              {thought.summary === '' ? null : <p className="block__caption">{thought.summary}</p>}
              <Markdown markdown={thought.content} />
            </div>
          ))}
        </details>
      );
    case 'document':
      return (
        <figure className="block">
          <figcaption className="block__caption">{i18n.t('viewer.document', [block.name])}</figcaption>
          {block.documentType.startsWith('code/') ? (
            <CodeBlock language={block.documentType.slice('code/'.length)} source={block.content} />
          ) : (
            <Markdown markdown={block.content} />
          )}
        </figure>
      );
    case 'document-update':
      return (
        <details className="block">
          <summary>{i18n.t('viewer.documentEdits')}</summary>
          <pre className="lb-code viewer__pre">{block.updates.map((update) => update.replacement).join('\n\n')}</pre>
        </details>
      );
    case 'quote':
      return (
        <figure className="block">
          <figcaption className="block__caption">
            {i18n.t('viewer.quote')}:{' '}
            {block.url !== null && isSafeUrl(block.url) ? (
              <a href={block.url} target="_blank" rel="noopener noreferrer">
                {block.title || block.url}
              </a>
            ) : (
              block.title
            )}
          </figcaption>
          <blockquote className="block__quote">
            <Markdown markdown={block.text} />
          </blockquote>
        </figure>
      );
    case 'browsing':
      return (
        <details className="block">
          <summary>{block.summary ?? i18n.t('viewer.browsing')}</summary>
          <Markdown markdown={block.result} />
        </details>
      );
    case 'transcription':
      return (
        <p className="block">
          <span className="block__caption">{i18n.t('viewer.transcription')}: </span>
          {block.text}
        </p>
      );
    case 'media':
      return (
        <p className="block block--placeholder">
          {block.mediaType === 'audio' ? i18n.t('viewer.mediaAudio') : i18n.t('viewer.mediaVideo')}
        </p>
      );
    case 'context':
      return (
        <details className="block">
          <summary>{block.scope === 'user' ? i18n.t('viewer.contextUser') : i18n.t('viewer.contextModel')}</summary>
          <pre className="lb-code viewer__pre">{block.text}</pre>
        </details>
      );
    case 'error':
      return (
        <figure className="block block--error">
          <figcaption className="block__caption">{i18n.t('viewer.toolError', [block.name])}</figcaption>
          <pre className="lb-code viewer__pre">{block.text}</pre>
        </figure>
      );
    case 'unsupported':
      return (
        <div className="block block--placeholder">
          <p>{i18n.t('viewer.unsupported', [block.contentType])}</p>
          <details>
            <summary>{i18n.t('viewer.showRawJson')}</summary>
            <pre className="lb-code viewer__pre">{block.rawJson}</pre>
          </details>
        </div>
      );
  }
}

/** "‹ 2/3 ›": moves between the versions of a message at a fork; the position is announced as it changes. */
function BranchSwitcher({ fork, onShow }: { fork: ForkOnBranch; onShow: (nodeId: string) => void }) {
  const positionId = useId();
  const index = fork.selectedIndex;
  const count = fork.children.length;
  // aria-disabled rather than disabled at either end, so the focus stays on the button just pressed.
  const go = (to: number) => {
    const child = fork.children[to];
    if (child !== undefined) onShow(child);
  };
  return (
    <fieldset className="branch-switcher">
      <legend className="lb-visually-hidden">{i18n.t('viewer.versions')}</legend>
      <Button
        size="sm"
        variant="ghost"
        icon={<span aria-hidden="true">‹</span>}
        aria-label={i18n.t('viewer.previousVersion')}
        aria-describedby={positionId}
        aria-disabled={index <= 0 ? true : undefined}
        onClick={() => go(index - 1)}
      />
      <span id={positionId} className="branch-switcher__position" aria-live="polite">
        <span aria-hidden="true">
          {index + 1}/{count}
        </span>
        <span className="lb-visually-hidden">{i18n.t('viewer.versionOf', [String(index + 1), String(count)])}</span>
      </span>
      <Button
        size="sm"
        variant="ghost"
        icon={<span aria-hidden="true">›</span>}
        aria-label={i18n.t('viewer.nextVersion')}
        aria-describedby={positionId}
        aria-disabled={index >= count - 1 ? true : undefined}
        onClick={() => go(index + 1)}
      />
    </fieldset>
  );
}
