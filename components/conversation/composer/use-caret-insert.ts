'use client';

import { useLayoutEffect, useRef } from 'react';

/**
 * Inserting text into the message box (an emoji, a canned response) where the caret is, and putting
 * the caret after it once the new text is rendered.
 */
export function useCaretInsert(text: string, change: (value: string) => void) {
  const box = useRef<HTMLTextAreaElement>(null);
  const caretAfterInsert = useRef<number | null>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (caretAfterInsert.current === null || !element) return;
    element.focus();
    element.setSelectionRange(caretAfterInsert.current, caretAfterInsert.current);
    caretAfterInsert.current = null;
  }, [text]);

  /** Replaces text[start, end) with `value` and puts the caret after it. */
  function replace(start: number, end: number, value: string) {
    caretAfterInsert.current = start + value.length;
    change(text.slice(0, start) + value + text.slice(end));
  }

  function insertAtCaret(value: string) {
    const element = box.current;
    replace(element?.selectionStart ?? text.length, element?.selectionEnd ?? text.length, value);
  }

  return { box, replace, insertAtCaret };
}
