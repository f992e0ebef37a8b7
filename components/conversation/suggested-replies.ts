// The `Suggested replies` field of the composer: the customer's buttons, as the rep lists them.

/**
 * Up to ten `imBack` buttons from a comma-separated list. Latin, full-width and enumeration commas
 * all separate (a Chinese keyboard writes `，` and `、`); blanks are dropped.
 */
export function suggestedRepliesOf(list: string): { type: 'imBack'; title: string; value: string }[] {
  return list
    .split(/[,，、]/)
    .map((title) => title.trim())
    .filter(Boolean)
    .slice(0, 10)
    .map((title) => ({ type: 'imBack', title, value: title }));
}
