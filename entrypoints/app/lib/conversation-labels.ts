import { i18n } from '#i18n';
import type { AccountRecord, ConversationRecord } from '@/utils/conversations/model';
import { formatNumber } from './ui-locale';

/** A conversation's title as the UI shows it: ChatGPT's title, or "Untitled chat". */
export function displayTitle(conversation: Pick<ConversationRecord, 'title'>): string {
  return conversation.title.trim() === '' ? i18n.t('common.untitled') : conversation.title;
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

/** The conversation on chatgpt.com. */
export function chatGptUrl(conversationId: string): string {
  return `https://chatgpt.com/c/${encodeURIComponent(conversationId)}`;
}
