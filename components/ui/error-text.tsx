'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { ApiError } from '../api/fetch-json';
import { wordError, type ErrorWords, type Translate } from './error-words';

/** The rep's words for an error (see `wordError`), in the console's language. */
export function useErrorMessage(): (error: unknown) => ErrorWords {
  const t = useTranslations() as unknown as Translate;
  return useCallback((error: unknown) => wordError(error, t), [t]);
}

/** The one way a component shows an error: its words, with the server's message as the tooltip. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { text, detail } = useErrorMessage()(error);
  return (
    <span title={detail ?? undefined} data-error-code={error instanceof ApiError ? error.code : undefined}>
      {text}
    </span>
  );
}
