import { badRequest } from '../errors/app-error';

/** Deeper than any channel's payload (an Adaptive Card inside an activity inside a transcript is ~20). */
export const MAX_JSON_DEPTH = 64;

/**
 * `JSON.parse` for request bodies: 400 `BadArgument` for text nested deeper than `MAX_JSON_DEPTH`,
 * for text that is not JSON, and for a NUL
 * character or an unpaired surrogate (`"\udfff"`) in any string or key, which PostgreSQL's text
 * and jsonb cannot hold (storing the request would otherwise fail half-way).
 */
export function parseJsonText(text: string, what = 'The body'): unknown {
  // Checked on the text: parsing, validating, mapping and storing all recurse, and a body nested
  // thousands deep overflows one of them (a 500) long before it means anything.
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw badRequest('BadArgument', `${what} nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('BadArgument', `${what} is not valid JSON.`);
  }
  // Both can only arrive escaped: raw control characters are not JSON, and bytes decode to whole characters.
  if (ESCAPED_SUSPECT.test(text) && holdsUnstorable(value)) {
    throw badRequest('BadArgument', `${what} contains a NUL character or an unpaired surrogate.`);
  }
  return value;
}

const ESCAPED_SUSPECT = /\\u(0000|[dD][89a-fA-F])/;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Walks without recursion: bodies may nest deeper than the stack. */
function holdsUnstorable(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return true;
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Counts open objects and arrays outside strings; one pass, no recursion, and none at all for small bodies. */
function nestsDeeperThan(text: string, limit: number): boolean {
  if (text.length <= limit * 2) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}
