import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/components/api/fetch-json';
import { wordError, type Translate } from '@/components/ui/error-words';
import { AppError, FAILURE_CODES, isRefusal } from '@/lib/errors/app-error';
import { ERROR_STATUS } from '@/lib/http/error-status';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh-CN.json';
import { ERROR_CODES } from '@/lib/shared/error-codes';

const translator = (locale: string, messages: typeof en) => createTranslator({ locale, messages }) as unknown as Translate;

describe('the error codes', () => {
  it('each have words in every catalogue, and the catalogues no others', () => {
    for (const messages of [en, zh]) expect(Object.keys(messages.errors).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('each have one HTTP status; those of 500 and over are the failures worth retrying', () => {
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(ERROR_STATUS[code] >= 500, code).toBe(FAILURE_CODES.includes(code));
      expect(isRefusal(new AppError(code, 'x')), code).toBe(ERROR_STATUS[code] < 500);
    }
  });
});

describe('an error in the rep’s words', () => {
  const zhT = translator('zh-CN', zh);

  it('reads a known code from the catalogue, keeping the server’s message as the detail', () => {
    expect(wordError(new ApiError(409, 'AlreadyAssigned', 'Already accepted by Mia.'), zhT)).toEqual({
      text: '此会话已被其他坐席接手。',
      detail: 'Already accepted by Mia.',
    });
    expect(wordError(new ApiError(401, 'InvalidCredentials', 'Wrong email or password.'), translator('en', en)).text).toBe('Wrong email or password.');
  });

  it('still reads well for a code it does not know, a lost connection, or anything else', () => {
    expect(wordError(new ApiError(418, 'Teapot', 'I am a teapot.'), zhT)).toEqual({ text: '出错了（Teapot）。', detail: 'I am a teapot.' });
    expect(wordError(new ApiError(418, 'Teapot', 'I am a teapot.'), translator('en', en)).text).toBe('Something went wrong (Teapot).');
    expect(wordError(new TypeError('Failed to fetch'), zhT).text).toBe('无法连接控制台，请检查网络后重试。');
    expect(wordError(new ApiError(0, 'NetworkError', ''), zhT).text).toBe('无法连接控制台，请检查网络后重试。');
    expect(wordError(new Error('boom'), zhT)).toEqual({ text: '出错了。', detail: 'boom' });
  });
});
