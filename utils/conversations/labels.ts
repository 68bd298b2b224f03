import { i18n } from '#i18n';
import { formatNumber } from '@/utils/shared/ui-locale';
import type { AccountRecord, ConversationRecord } from './model';

/** Whether ChatGPT has not named the conversation yet (the UI then shows "Untitled chat", muted). */
export function isUntitled(conversation: Pick<ConversationRecord, 'title'>): boolean {
  return conversation.title.trim() === '';
}

/** A conversation's title as the UI shows it: ChatGPT's title, or "Untitled chat". */
export function displayTitle(conversation: Pick<ConversationRecord, 'title'>): string {
  return isUntitled(conversation) ? i18n.t('common.untitled') : conversation.title;
}

/** "12 chats saved", with the number in the UI language. */
export function chatsSavedLabel(count: number): string {
  return i18n.t('common.chatsSaved', count, [formatNumber(count)]);
}

/** "12 messages". */
export function messagesLabel(count: number): string {
  return i18n.t('common.messages', count, [formatNumber(count)]);
}

/** "3 branches". */
export function branchesLabel(count: number): string {
  return i18n.t('common.branches', count, [formatNumber(count)]);
}

/** "Personal account" or "Workspace". */
export function accountKindLabel(account: Pick<AccountRecord, 'kind'>): string {
  return account.kind === 'workspace' ? i18n.t('common.accountWorkspace') : i18n.t('common.accountPersonal');
}

/** Whether Lifeboat knows the account's name (a stored label of '' means it does not). */
export function hasAccountName(account: Pick<AccountRecord, 'label'>): boolean {
  return account.label.trim() !== '';
}

/** The account's name as the UI shows it: its label, or "Personal account" / "Workspace" when the name is unknown. */
export function accountLabel(account: Pick<AccountRecord, 'label' | 'kind'>): string {
  return hasAccountName(account) ? account.label : accountKindLabel(account);
}

/** An account as the account switcher lists it. */
export function switcherAccount(account: AccountRecord): { id: string; name: string; kind: string } {
  return { id: account.id, name: accountLabel(account), kind: accountKindLabel(account) };
}

/** The conversation on chatgpt.com. */
export function chatGptUrl(conversationId: string): string {
  return `https://chatgpt.com/c/${encodeURIComponent(conversationId)}`;
}

/** A downloaded file's path split into its folder inside Downloads (if any) and its file name. */
export function splitDownloadPath(path: string): { folder: string | undefined; name: string } {
  const parts = path.split(/[/\\]/).filter((part) => part !== '');
  const name = parts.pop() ?? path;
  return { folder: parts.length === 0 ? undefined : parts.join('/'), name };
}

/**
 * The toast after a download: the file's name ("Saved “Trip (abc) (1).json”") and the folder it is in. `path` is
 * the name Lifeboat asked for, relative to Downloads; `savedPath`, the absolute path the browser reports, gives the
 * real file name when the browser added a " (1)" to keep an older file.
 */
export function downloadDoneText(path: string, savedPath?: string): { message: string; detail: string } {
  const { folder, name: requestedName } = splitDownloadPath(path);
  const savedName = savedPath === undefined ? '' : splitDownloadPath(savedPath).name;
  const name = savedName === '' ? requestedName : savedName;
  return {
    message: i18n.t('common.downloadDone', [name]),
    detail:
      folder === undefined
        ? i18n.t('common.downloadDoneDetailNoFolder')
        : i18n.t('common.downloadDoneDetail', [folder]),
  };
}

/**
 * The toast text when the browser stopped a download: `reason` is its `InterruptReason`. Cancelling is the user's
 * own choice, so it reads as news (`cancelled: true`), not as an error.
 */
export function downloadInterruptedText(reason: string): {
  cancelled: boolean;
  message: string;
  detail: string;
  technical?: string;
} {
  if (reason === 'USER_CANCELED') {
    return {
      cancelled: true,
      message: i18n.t('common.downloadCancelled'),
      detail: i18n.t('common.downloadCancelledDetail'),
    };
  }
  let detail = i18n.t('errors.downloadStopped');
  if (reason === 'FILE_NO_SPACE') detail = i18n.t('errors.downloadDiskFull');
  // Every other FILE_* reason means the file could not be written: access denied, name too long, blocked…
  else if (reason.startsWith('FILE_')) detail = i18n.t('errors.downloadFile');
  return {
    cancelled: false,
    message: i18n.t('common.downloadFailed'),
    detail,
    technical: `Download interrupted: ${reason}`,
  };
}

/** The hint under "Show a notice after saving": it quotes the notice chatgpt.com shows, in the notice's words. */
export function captureNoticeHint(): string {
  return i18n.t('settings.showCaptureNoticeHint', [i18n.t('captureNoticeSaved', ['…'])]);
}
