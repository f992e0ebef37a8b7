'use client';

import { forwardRef, type ButtonHTMLAttributes } from 'react';

/** How a button looks; every button of the console is one of these. */
const VARIANTS = {
  primary: 'rounded bg-indigo-600 font-medium text-white hover:bg-indigo-700',
  success: 'rounded bg-emerald-700 font-medium text-white hover:bg-emerald-800',
  danger: 'rounded bg-red-700 font-medium text-white hover:bg-red-800',
  secondary: 'rounded border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800',
  /** A secondary button for an action that destroys something (Force close). */
  secondaryDanger: 'rounded border border-slate-300 text-red-700 hover:bg-slate-100 dark:border-slate-600 dark:text-red-400 dark:hover:bg-slate-800',
  /** A state the rep switches on and off (`aria-pressed`). */
  toggle: 'rounded border border-slate-300 hover:bg-slate-100 aria-pressed:bg-indigo-50 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-indigo-950',
  /** Switches a message to a private note (`aria-pressed`), in the notes' amber. */
  noteToggle: 'rounded border border-amber-300 hover:bg-amber-50 aria-pressed:bg-amber-100 dark:border-amber-700 dark:hover:bg-amber-950 dark:aria-pressed:bg-amber-900',
  /** An action beside a failure (Retry), in the failure's red. */
  failureAction: 'rounded border border-red-300 px-1 text-red-800 hover:bg-red-50 dark:border-red-700 dark:text-red-300 dark:hover:bg-red-950',
  /** An entry of a menu (`role="menuitem"` in a `menu`). */
  menuItem: 'w-full text-left hover:bg-slate-100 focus:bg-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800',
  /** A tab-like filter (`aria-pressed` when chosen). */
  tab: 'rounded hover:bg-slate-100 aria-pressed:bg-indigo-600 aria-pressed:text-white aria-pressed:hover:bg-indigo-700 dark:hover:bg-slate-800',
  link: 'text-indigo-700 underline dark:text-indigo-300',
  /** Underlined, in the colour of the text around it. */
  inlineLink: 'underline',
  /** No look of its own (an icon, a list entry styled by its container). */
  bare: '',
} as const;

const SIZES = {
  none: '',
  xs: 'px-2 py-0.5 text-xs',
  sm: 'px-3 py-1 text-sm',
  md: 'px-3 py-1.5 text-sm',
  lg: 'px-4 py-2',
} as const;

/** Variants that take the text's size (links, bare buttons). */
const UNSIZED = new Set<ButtonVariant>(['link', 'inlineLink', 'bare', 'failureAction']);

export type ButtonVariant = keyof typeof VARIANTS;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: keyof typeof SIZES;
}

/** A button: `type="button"` unless told otherwise, dimmed while disabled, styled by `variant` and `size`; `className` adds layout. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = UNSIZED.has(variant) ? 'none' : 'md', type = 'button', className, ...props },
  ref,
) {
  const classes = [VARIANTS[variant], SIZES[size], 'disabled:opacity-60', className].filter(Boolean).join(' ');
  return <button ref={ref} type={type} className={classes} {...props} />;
});
