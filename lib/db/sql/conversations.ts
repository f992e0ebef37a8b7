// Opening and finding conversations by the channel's id: every inbound request starts here.
import { sql, type Insertable } from 'kysely';
import type { DB } from '../generated/kysely/types';
import { sqlPool, type Db } from '../client';
import { build, rows, type Row, type SqlTarget } from './query';

type NewConversation = Pick<
  Insertable<DB['Conversation']>,
  'id' | 'channelId' | 'externalId' | 'customerId' | 'customerName' | 'serviceUrl' | 'outboundChannelId'
> & { channelData: unknown };

/** Inserts the conversation, or finds the one the channel already has under that id (`created` tells which). */
export async function insertOrFindConversation(db: SqlTarget, conversation: NewConversation): Promise<{ id: string; created: boolean }> {
  const { channelData, ...values } = conversation;
  const query = build
    .insertInto('Conversation')
    .values({ ...values, channelData: channelData == null ? null : sql`${JSON.stringify(channelData)}::jsonb` })
    .onConflict((conflict) => conflict.columns(['channelId', 'externalId']).doUpdateSet((eb) => ({ externalId: eb.ref('excluded.externalId') })))
    .returning(['id', sql<boolean>`(xmax = 0)`.as('created')]);
  const [row] = await rows(db, query);
  return row!;
}

/** One plain query, not a trip through Prisma's query engine. */
export async function conversationByExternalId(db: Db, channelId: string, externalId: string): Promise<Row<'Conversation'> | null> {
  const query = build.selectFrom('Conversation').selectAll().where('channelId', '=', channelId).where('externalId', '=', externalId);
  const [row] = await rows(sqlPool(db), query);
  return row ?? null;
}
