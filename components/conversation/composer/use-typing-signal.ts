'use client';

import { useRef } from 'react';
import { useSendTyping } from '../../api/send-typing';

const TYPING_EVERY_MS = 3_000;

/** Tells the customer the rep is typing, at most every three seconds, and never while a private note is written. */
export function useTypingSignal(conversationId: string, writingNote: boolean) {
  const typing = useSendTyping();
  const last = useRef(0);
  return (value: string) => {
    const now = Date.now();
    if (writingNote || !value.trim() || now - last.current <= TYPING_EVERY_MS) return;
    last.current = now;
    typing.mutate(conversationId);
  };
}
