// Canned responses in the composer: the `/query` at the caret, and placeholders filled on insert.

/** `{customer}` becomes the customer's name; unknown placeholders stay as written. */
export function fillPlaceholders(text: string, values: { customer: string }): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name === 'customer' ? values.customer : whole));
}

/**
 * The `/query` being typed at the caret: a slash at the start of the message or after whitespace,
 * followed by word characters only. Null when the caret is not in such a token.
 */
export function slashQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\w-]*)$/.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}
