import type { ChangeEvent } from 'react';
import './account-switcher.css';

/** One account as the switcher lists it. */
export interface SwitcherAccount {
  id: string;
  /** The account's name, e.g. "Acme Team". */
  name: string;
  /** What kind it is, e.g. "Workspace"; read after the name, hidden when it would repeat it. */
  kind: string;
}

/** Props of AccountSwitcher; texts come in from the caller so the component stays free of i18n. */
export interface AccountSwitcherProps {
  accounts: readonly SwitcherAccount[];
  selectedId: string;
  onSelect: (id: string) => void;
  /** The control's accessible name, e.g. "Account shown". */
  label: string;
  className?: string;
}

function optionText({ name, kind }: SwitcherAccount): string {
  return name === kind ? name : `${name} · ${kind}`;
}

/**
 * Says which account a view shows and, once more than one has been seen, lets the user pick another. A native
 * <select>: keyboard, screen readers and dark mode work as the platform does them.
 */
export function AccountSwitcher({ accounts, selectedId, onSelect, label, className = '' }: AccountSwitcherProps) {
  const selected = accounts.find((account) => account.id === selectedId);
  if (accounts.length <= 1 || selected === undefined) {
    if (selected === undefined) return null;
    return (
      <p className={`account-switcher account-switcher--single ${className}`} title={selected.kind}>
        <span className="lb-visually-hidden">{label}: </span>
        {optionText(selected)}
      </p>
    );
  }
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => onSelect(event.target.value);
  return (
    <select
      className={`account-switcher ${className}`}
      aria-label={label}
      title={optionText(selected)}
      value={selectedId}
      onChange={onChange}
    >
      {accounts.map((account) => (
        <option key={account.id} value={account.id}>
          {optionText(account)}
        </option>
      ))}
    </select>
  );
}
