import { describe, expect, it } from 'vitest';
import { fillPlaceholders, slashQueryAt } from '@/components/conversation/canned-text';

describe('canned response placeholders', () => {
  it('fills {customer} everywhere and leaves unknown placeholders alone', () => {
    expect(fillPlaceholders('Hi {customer}! Bye {customer}. {order}', { customer: 'Carol' })).toBe('Hi Carol! Bye Carol. {order}');
  });
});

describe('the /query at the caret', () => {
  it('opens at the start of the message or after whitespace', () => {
    expect(slashQueryAt('/gre', 4)).toEqual({ start: 0, query: 'gre' });
    expect(slashQueryAt('hello /', 7)).toEqual({ start: 6, query: '' });
    expect(slashQueryAt('line\n/clo', 9)).toEqual({ start: 5, query: 'clo' });
  });

  it('stays closed inside words, paths, and once a space follows', () => {
    expect(slashQueryAt('and/or', 6)).toBeNull();
    expect(slashQueryAt('/greeting done', 14)).toBeNull();
    expect(slashQueryAt('https://x', 9)).toBeNull();
    expect(slashQueryAt('/gre', 2)).toEqual({ start: 0, query: 'g' });
  });
});
