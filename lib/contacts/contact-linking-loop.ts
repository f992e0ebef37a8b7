// Every instance links conversations whose customer became known to their contact every few
// seconds (lib/contacts/link-pending-contacts.ts). Two instances at once are harmless: resolving an
// identity is serialised and finds the contact the other made.
import { runPeriodically } from '../boot/periodic';
import { linkPendingContacts } from './link-pending-contacts';

const EVERY_MS = 2_000;

export function runContactLinking(databaseUrl: string): () => Promise<void> {
  return runPeriodically(
    databaseUrl,
    EVERY_MS,
    async (db) => {
      while ((await linkPendingContacts(db)) > 0);
    },
    'linking conversations to contacts failed; the next run retries',
  );
}
