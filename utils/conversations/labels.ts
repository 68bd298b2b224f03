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

/** The conversation on chatgpt.com. */
export function chatGptUrl(conversationId: string): string {
  return `https://chatgpt.com/c/${encodeURIComponent(conversationId)}`;
}
