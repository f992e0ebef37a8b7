'use client';

import { forwardRef, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** The look of every text field, select and text area; `className` adds layout (width, flex). */
const FIELD = 'rounded border border-slate-300 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800';
const PADDING = 'px-2 py-1';

/** The field's look, with the default padding unless `className` sets its own. */
const classes = (className = '') => [FIELD, /(^|\s)p[xy]?-/.test(className) ? '' : PADDING, className].filter(Boolean).join(' ');

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input({ className, ...props }, ref) {
  return <input ref={ref} className={classes(className)} {...props} />;
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select({ className, ...props }, ref) {
  return <select ref={ref} className={classes(className)} {...props} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea({ className, ...props }, ref) {
  return <textarea ref={ref} className={classes(className)} {...props} />;
});
