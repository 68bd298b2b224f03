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
  disabled?: boolean;
}

/** An on/off setting: a `role="switch"` button with `aria-checked`, labelled by its visible text. */
export function Switch({ checked, onChange, label, description, disabled = false }: SwitchProps) {
  const id = useId();
  const descriptionId = useId();
  return (
    <div className="lb-switch">
      <div className="lb-switch__text">
        <label htmlFor={id} className="lb-switch__label">
          {label}
        </label>
        {description === undefined ? null : (
          <p id={descriptionId} className="lb-switch__description">
            {description}
          </p>
        )}
      </div>
      <button
        id={id}
        type="button"
        role="switch"
        className="lb-switch__control"
        aria-checked={checked}
        aria-describedby={description === undefined ? undefined : descriptionId}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span className="lb-switch__thumb" />
      </button>
    </div>
  );
}
