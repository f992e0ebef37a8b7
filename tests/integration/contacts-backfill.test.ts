// The contacts migration gives the conversations that existed before it their contacts: one per
// channel identity, one per WhatsApp number (verified), none for a conversation without a customer.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { migrate } from '@/lib/db/migrate';
import { scratchDatabase, withClient } from '../support/scratch-db';

const MIGRATIONS = path.resolve('prisma/migrations');
const CONTACTS = '20261205230000_contacts_labels';
const drops: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(drops.map((drop) => drop())));

/** The migrations up to (not including) `name`. */
function migrationsBefore(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'before-contacts-'));
  for (const entry of readdirSync(MIGRATIONS).filter((e) => e < name && !e.endsWith('.toml'))) cpSync(path.join(MIGRATIONS, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

it('backfills contacts for existing conversations', async () => {
  const database = await scratchDatabase();
  drops.push(database.drop);
  await migrate(database.url, migrationsBefore(CONTACTS));
  await withClient(database.url, async (client) => {
    await client.query(`INSERT INTO "Channel" (id, kind, name) VALUES ('ch-wa', 'whatsapp', 'old-wa'), ('ch-dl', 'directline', 'old-dl')`);
    const conversation = (id: string, channel: string, customerId: string | null, name: string | null) =>
      client.query(`INSERT INTO "Conversation" (id, "channelId", "externalId", "customerId", "customerName") VALUES ($1, $2, $1, $3, $4)`, [id, channel, customerId, name]);
    await conversation('wa-1', 'ch-wa', '15550001111', '+15550001111');
    await conversation('wa-2', 'ch-wa', '15550001111', 'Mei');
    await conversation('dl-1', 'ch-dl', 'user-1', 'Mei');
    await conversation('dl-2', 'ch-dl', 'user-2', 'Mei');
    await conversation('dl-3', 'ch-dl', null, null);
  });
  await migrate(database.url);
  await withClient(database.url, async (client) => {
    const rows = (await client.query(`SELECT id, "contactId" FROM "Conversation" ORDER BY id`)).rows as { id: string; contactId: string | null }[];
    const contactOf = Object.fromEntries(rows.map((row) => [row.id, row.contactId]));
    expect(contactOf['wa-1']).toBeTruthy();
    expect(contactOf['wa-2']).toBe(contactOf['wa-1']);
    expect(new Set([contactOf['wa-1'], contactOf['dl-1'], contactOf['dl-2']]).size).toBe(3);
    expect(contactOf['dl-3']).toBeNull();
    const identities = (await client.query(`SELECT "channelKind", "userId", "verifiedKind", "verifiedValue" FROM "ContactIdentity" ORDER BY "userId"`)).rows;
    expect(identities).toEqual([
      { channelKind: 'whatsapp', userId: '15550001111', verifiedKind: 'phone', verifiedValue: '+15550001111' },
      { channelKind: 'directline', userId: 'user-1', verifiedKind: null, verifiedValue: null },
      { channelKind: 'directline', userId: 'user-2', verifiedKind: null, verifiedValue: null },
    ]);
    const names = (await client.query(`SELECT name FROM "Contact" WHERE id = $1`, [contactOf['wa-1']])).rows;
    expect(names).toEqual([{ name: expect.stringMatching(/^(Mei|\+15550001111)$/) }]);
  });
});
