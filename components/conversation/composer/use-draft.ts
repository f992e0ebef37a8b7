'use client';

import { useState } from 'react';

/** The message being written: kept per conversation in this browser, so it survives switching and reloads. */
export function useDraft(conversationId: string) {
  const key = `draft:${conversationId}`;
  const [text, setText] = useState(() => (typeof window === 'undefined' ? '' : (window.localStorage.getItem(key) ?? '')));
  function change(value: string) {
    setText(value);
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  }
  return { text, change, clear: () => change('') };
}
