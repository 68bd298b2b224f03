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

/** The toast after a download: the file's name ("Saved “Trip (abc).json”") and the folder it is in. */
export function downloadDoneText(path: string): { message: string; detail: string } {
  const { folder, name } = splitDownloadPath(path);
  return {
    message: i18n.t('common.downloadDone', [name]),
    detail:
      folder === undefined
        ? i18n.t('common.downloadDoneDetailNoFolder')
        : i18n.t('common.downloadDoneDetail', [folder]),
  };
}

/** The hint under "Show a notice after saving": it quotes the notice chatgpt.com shows, in the notice's words. */
export function captureNoticeHint(): string {
  return i18n.t('settings.showCaptureNoticeHint', [i18n.t('captureNoticeSaved', ['…'])]);
}
