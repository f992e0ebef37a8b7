import { badRequest } from '../errors/app-error';

/**
 * `JSON.parse` for request bodies: 400 `BadArgument` for text that is not JSON, and for a NUL
 * character or an unpaired surrogate (`"\udfff"`) in any string or key, which PostgreSQL's text
 * and jsonb cannot hold (storing the request would otherwise fail half-way).
 */
export function parseJsonText(text: string, what = 'The body'): unknown {
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
