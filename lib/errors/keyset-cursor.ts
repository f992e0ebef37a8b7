// The opaque cursor of a keyset-paged list: the last row's (instant, id), handed back for the next page.
import { badRequest } from './app-error';

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

/** The cursor's key, or `BadCursor` for anything this server did not hand out. */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw badRequest('BadCursor', 'The cursor is not one this server handed out.');
  }
}
