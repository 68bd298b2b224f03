import { useId } from 'react';
import './switch.css';

/** Props of Switch. */
export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Visible label and accessible name. */
  label: string;
  /** A sentence under the label saying what the setting does; read as the switch's description. */
  description?: string;
  /**
   * Why the switch cannot be changed right now (e.g. "Turn on “Save chats” to use this."). When set, the switch
   * is disabled: shown dimmed, ignores clicks, and says why, visibly and in its description.
   */
  disabledReason?: string;
}

/**
 * An on/off setting: a `role="switch"` button with `aria-checked`, labelled by its visible text. A disabled
 * switch uses `aria-disabled`, not `disabled`, so it stays in the Tab order and its reason can be read.
 */
export function Switch({ checked, onChange, label, description, disabledReason }: SwitchProps) {
  const id = useId();
  const descriptionId = useId();
  const reasonId = useId();
  const disabled = disabledReason !== undefined;
  const describedBy = [description === undefined ? undefined : descriptionId, disabled ? reasonId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={disabled ? 'lb-switch lb-switch--disabled' : 'lb-switch'}>
      <div className="lb-switch__text">
        <label htmlFor={id} className="lb-switch__label">
          {label}
        </label>
        {description === undefined ? null : (
          <p id={descriptionId} className="lb-switch__description">
            {description}
          </p>
        )}
        {disabled ? (
          <p id={reasonId} className="lb-switch__reason">
            {disabledReason}
          </p>
        ) : null}
      </div>
      <button
        id={id}
        type="button"
        role="switch"
        className="lb-switch__control"
        aria-checked={checked}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        aria-disabled={disabled ? true : undefined}
        onClick={disabled ? undefined : () => onChange(!checked)}
      >
        <span className="lb-switch__thumb" />
      </button>
    </div>
  );
}
