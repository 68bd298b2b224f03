import { i18n } from '#i18n';
import { Badge } from '@/components/badge';
import { ArchiveIcon } from '@/components/icons';

/** Says a chat is archived in ChatGPT (Lifeboat still has all of it). */
export function ArchivedBadge() {
  return <Badge icon={<ArchiveIcon size={12} />}>{i18n.t('common.archivedInChatGpt')}</Badge>;
}
