import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { statusOf } from '@/lib/http/error-status';
import { parseJsonText } from '@/lib/http/parse-json';

const refused = (text: string) => {
  try {
    parseJsonText(text);
  } catch (error) {
    return error instanceof AppError ? `${statusOf(error.code)} ${error.code}` : String(error);
  }
  return 'accepted';
};

describe('request JSON the database can store', () => {
  it('refuses what is not JSON, NUL characters and unpaired surrogates anywhere, with a 400', () => {
    expect(refused('{"a":')).toBe('400 BadArgument');
    expect(refused('{"text":"a\\u0000b"}')).toBe('400 BadArgument');
    expect(refused('{"a\\u0000":1}')).toBe('400 BadArgument');
    expect(refused('{"text":"\\udfff\\ud800"}')).toBe('400 BadArgument');
    expect(refused('[[[["\\ud83d"]]]]')).toBe('400 BadArgument');
  });

  it('takes everything else, emoji and nesting up to 64 levels included', () => {
    expect(parseJsonText('{"text":"\\ud83d\\ude00 \\\\u0000 literally"}')).toEqual({ text: '😀 \\u0000 literally' });
    expect(refused(`${'['.repeat(64)}"ok"${']'.repeat(64)}`)).toBe('accepted');
    // Brackets inside strings (escaped quotes included) are text, not nesting.
    expect(refused(`{"text":"${'[{'.repeat(500)} \\" ${'[{'.repeat(500)}"}`)).toBe('accepted');
  });

  it('refuses nesting deeper than 64 levels before parsing, however deep', () => {
    expect(refused(`${'['.repeat(65)}"ok"${']'.repeat(65)}`)).toBe('400 BadArgument');
    const depth = 100_000;
    expect(refused(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)).toBe('400 BadArgument');
    expect(() => parseJsonText(`${'['.repeat(depth)}]`)).toThrow(/deeper than 64 levels/);
  });
});
