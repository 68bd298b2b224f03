import type { ComponentPropsWithRef, ReactNode } from 'react';
import './button.css';

/** How prominent a button is: one `primary` per view, `secondary` for the rest, `ghost` inside dense rows. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
/** Height and padding of a button. */
export type ButtonSize = 'sm' | 'md' | 'lg';

interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** A decorative icon shown before the label. */
  icon?: ReactNode;
}

/** A button with a visible label, or an icon-only button, which then must say what it does in `aria-label`. */
type Labelled<P> =
  | (P & { children: ReactNode })
  | (P & { children?: undefined; icon: ReactNode; 'aria-label': string });

/** Props of Button: a native `<button>` plus its look. */
export type ButtonProps = Labelled<Omit<ComponentPropsWithRef<'button'>, 'children'> & ButtonLook>;

/** Props of ButtonLink: a native `<a>` that looks like a button. */
export type ButtonLinkProps = Labelled<Omit<ComponentPropsWithRef<'a'>, 'children'> & ButtonLook & { href: string }>;

/** The class names that give an element the look of a button. */
export function buttonClassName(
  { variant = 'secondary', size = 'md', iconOnly = false }: ButtonLook & { iconOnly?: boolean },
  extra?: string,
): string {
  return ['lb-button', `lb-button--${variant}`, `lb-button--${size}`, iconOnly && 'lb-button--icon-only', extra]
    .filter(Boolean)
    .join(' ');
}

/** A native button in one of Lifeboat's variants; `type` defaults to "button" so it never submits by accident. */
export function Button({ variant, size, icon, children, className, type = 'button', ...props }: ButtonProps) {
  const iconOnly = children === undefined;
  return (
    <button type={type} className={buttonClassName({ variant, size, iconOnly }, className)} {...props}>
      {icon}
      {children === undefined ? null : <span className="lb-button__label">{children}</span>}
    </button>
  );
}

/** A link styled as a button, for navigation that should look like an action (e.g. "Open in ChatGPT"). */
export function ButtonLink({ variant, size, icon, children, className, ...props }: ButtonLinkProps) {
  const iconOnly = children === undefined;
  return (
    <a className={buttonClassName({ variant, size, iconOnly }, className)} {...props}>
      {icon}
      {children === undefined ? null : <span className="lb-button__label">{children}</span>}
    </a>
  );
}
