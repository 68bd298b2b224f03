import type { ComponentType } from 'react';
import { i18n } from '#i18n';
import { AccountSwitcher } from '@/components/account-switcher';
import { ArchiveIcon, HealthIcon, type IconProps, PromptIcon, SettingsIcon } from '@/components/icons';
import type { ViewedAccount } from '@/hooks/use-conversations';
import type { Section } from '@/hooks/use-route';
import { accountKindLabel, accountLabel, hasAccountName, switcherAccount } from '@/utils/conversations/labels';

const NAV: readonly { section: Section; Icon: ComponentType<IconProps> }[] = [
  { section: 'archive', Icon: ArchiveIcon },
  { section: 'prompts', Icon: PromptIcon },
  { section: 'health', Icon: HealthIcon },
  { section: 'settings', Icon: SettingsIcon },
];

/**
 * The app's sidebar: brand, the section links (`aria-current` on the open one) and the account whose chats the
 * app shows, with a switcher once more than one account has been seen.
 */
export function Sidebar({ active, viewed }: { active: Section; viewed: ViewedAccount | undefined }) {
  const account = viewed?.account;
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <img src="/icon/lifeboat.svg" alt="" width={32} height={32} />
        <div>
          <p className="sidebar__name">{i18n.t('brand.name')}</p>
          <p className="sidebar__tagline">{i18n.t('brand.tagline')}</p>
        </div>
      </div>
      <nav aria-label={i18n.t('app.navLabel')} className="sidebar__nav">
        <ul>
          {NAV.map(({ section, Icon }) => (
            <li key={section}>
              <a href={`#${section}`} className="sidebar__link" aria-current={section === active ? 'page' : undefined}>
                <Icon />
                <span>{i18n.t(`${section}.title`)}</span>
                {section === 'prompts' || section === 'health' ? (
                  <span className="sidebar__badge">{i18n.t('app.comingSoon')}</span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {account === undefined ? null : (
        <div className="sidebar__account">
          <span className="sidebar__avatar" aria-hidden="true">
            {Array.from(accountLabel(account).trim())[0]?.toUpperCase()}
          </span>
          <div className="sidebar__account-text">
            {viewed !== undefined && viewed.accounts.length > 1 ? (
              <AccountSwitcher
                className="sidebar__account-switcher"
                label={i18n.t('common.accountShown')}
                accounts={viewed.accounts.map(switcherAccount)}
                selectedId={account.id}
                onSelect={viewed.select}
              />
            ) : (
              <>
                <p className="sidebar__account-label">{accountLabel(account)}</p>
                {/* An account without a known name is already labelled by its kind. */}
                {hasAccountName(account) ? <p className="sidebar__account-kind">{accountKindLabel(account)}</p> : null}
              </>
            )}
          </div>
        </div>
      )}
    </aside>
  );
}
