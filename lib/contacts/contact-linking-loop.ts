// Every instance links conversations whose customer became known to their contact every few
// seconds (lib/contacts/link-pending-contacts.ts). Two instances at once are harmless: resolving an
// identity is serialised and finds the contact the other made.
import { createDb } from '../db/client';
import { logger } from '../log/logger';
import { linkPendingContacts } from './link-pending-contacts';

const EVERY_MS = 2_000;

export function runContactLinking(databaseUrl: string): () => Promise<void> {
  const db = createDb(databaseUrl, 1);
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      while ((await linkPendingContacts(db)) > 0);
    })()
      .catch((error: unknown) => logger.warn({ err: error }, 'linking conversations to contacts failed; the next run retries'))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, EVERY_MS);
  return async () => {
    clearInterval(timer);
    await running;
    await db.$disconnect();
  };
}
