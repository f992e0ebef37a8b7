import { isErrorCode } from '@/lib/shared/error-codes';
import { ApiError } from '../api/fetch-json';

export interface ErrorWords {
  /** What the rep reads: the code's text from the catalogue, in the rep's language. */
  text: string;
  /** The server's own message (English, for whoever digs further). */
  detail: string | null;
}

/** A translator over the whole catalogue (next-intl's `useTranslations()` or `createTranslator`). */
export type Translate = (key: string, values?: Record<string, string>) => string;

/**
 * How the console words an error: a known code from the `errors` catalogue, an unknown one as
 * "Something went wrong (Code)", a failed connection as such; the server's message only as detail.
 */
export function wordError(error: unknown, t: Translate): ErrorWords {
  if (error instanceof ApiError) {
    if (error.status === 0 || error.code === 'NetworkError') return { text: t('errorText.network'), detail: null };
    const text = isErrorCode(error.code) ? t(`errors.${error.code}`) : t('errorText.unknown', { code: error.code });
    return { text, detail: error.message || null };
  }
  // fetch() itself failing (offline, the server gone) is a TypeError.
  if (error instanceof TypeError) return { text: t('errorText.network'), detail: error.message || null };
  return { text: t('errorText.unexpected'), detail: error instanceof Error ? error.message || null : null };
}
