import { useId } from 'react';
import './progress-bar.css';

/** Props of ProgressBar. Leave `value` undefined while the total is not known yet (indeterminate). */
export interface ProgressBarProps {
  /** What is in progress, shown above the bar and used as its accessible name. */
  label: string;
  value?: number;
  max?: number;
  /** Counts in words, e.g. "120 of 1,204 chats". */
  countsText?: string;
  /** Time left in words, e.g. "About 3 minutes left". */
  etaText?: string;
  /** Locale for the percentage; defaults to the page's. */
  locale?: string;
}

/** Fraction done, clamped to 0…1; undefined when the bar is indeterminate or `max` is not positive. */
export function progressFraction(value: number | undefined, max: number): number | undefined {
  if (value === undefined || !Number.isFinite(value) || !(max > 0)) return undefined;
  return Math.min(1, Math.max(0, value / max));
}

/** A labelled progress bar (`role="progressbar"`) with optional counts and ETA under it. */
export function ProgressBar({ label, value, max = 100, countsText, etaText, locale }: ProgressBarProps) {
  const labelId = useId();
  const detailId = useId();
  const fraction = progressFraction(value, max);
  const percent =
    fraction === undefined
      ? undefined
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
  const hasDetail = countsText !== undefined || etaText !== undefined;
  return (
    <div className="lb-progress">
      <div className="lb-progress__header">
        <span id={labelId} className="lb-progress__label">
          {label}
        </span>
        {percent === undefined ? null : (
          <span className="lb-progress__percent" aria-hidden="true">
            {percent}
          </span>
        )}
      </div>
      <div
        role="progressbar"
        className="lb-progress__track"
        aria-labelledby={labelId}
        aria-describedby={hasDetail ? detailId : undefined}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={fraction === undefined ? undefined : Math.min(max, Math.max(0, value ?? 0))}
        aria-valuetext={countsText}
        data-indeterminate={fraction === undefined ? '' : undefined}
      >
        <div
          className="lb-progress__fill"
          style={fraction === undefined ? undefined : { width: `${fraction * 100}%` }}
        />
      </div>
      {hasDetail ? (
        <div id={detailId} className="lb-progress__detail">
          {countsText === undefined ? null : <span>{countsText}</span>}
          {etaText === undefined ? null : <span>{etaText}</span>}
        </div>
      ) : null}
    </div>
  );
}
