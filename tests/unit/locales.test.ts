import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { localeCookie, pickLocale } from '@/lib/i18n/locales';
import en from '@/lib/i18n/messages/en.json';
import zh from '@/lib/i18n/messages/zh-CN.json';

describe('the console language', () => {
  it('follows the rep’s choice, else the browser’s preference, else English', () => {
    expect(pickLocale('zh-CN', 'en-US,en;q=0.9')).toBe('zh-CN');
    expect(pickLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale(undefined, 'fr-FR, zh;q=0.5')).toBe('zh-CN');
    expect(pickLocale(undefined, 'de-DE,en;q=0.3,zh;q=0.2')).toBe('en');
    expect(pickLocale('klingon', null)).toBe('en');
    expect(pickLocale(undefined, 'zh-TW')).toBe('en');
  });

  it('has every English message in Simplified Chinese, with the same placeholders', () => {
    const flatten = (tree: object, prefix = ''): Record<string, string> =>
      Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
        if (typeof value === 'string') all[`${prefix}${key}`] = value;
        else Object.assign(all, flatten(value as object, `${prefix}${key}.`));
        return all;
      }, {});
    const english = flatten(en);
    const chinese = flatten(zh);
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    // Every message must parse as ICU; its arguments (not the text of `select` branches) must match.
    const placeholders = (text: string) => [...argumentsOf(parse(text))].sort();
    for (const [key, text] of Object.entries(english)) expect(placeholders(chinese[key]!), key).toEqual(placeholders(text));
  });
});

function argumentsOf(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== 0 && typeof element.value === 'string') names.add(element.value);
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf(option.value, names);
  }
  return names;
}

describe('the language cookie', () => {
  it('is remembered for a year on every path, and sent on top-level navigations only', () => {
    expect(localeCookie('zh-CN')).toBe('console_locale=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax');
  });
});
