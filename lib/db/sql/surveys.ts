// The satisfaction survey a customer's answer is for (docs/decisions/013-survey.md).
import type { Tx } from '../client';
import { build, rows } from './query';

/**
 * The conversation, row-locked until the transaction ends (the ingest statement waits on the same
 * lock, so an answer and a reopening message cannot interleave), with its current episode's survey
 * when the conversation is closed and that survey was sent after `since`.
 */
export async function lockOpenSurvey(tx: Tx, conversationId: string, since: Date): Promise<{ surveyId: string; episode: number } | null> {
  const query = build
    .selectFrom('Conversation as c')
    .innerJoin('SatisfactionSurvey as s', (join) => join.onRef('s.conversationId', '=', 'c.id').onRef('s.episode', '=', 'c.episode'))
    .select(['s.id as surveyId', 'c.episode'])
    .where('c.id', '=', conversationId)
    .where('c.state', '=', 'closed')
    .where('s.sentAt', '>', since)
    .forUpdate('c');
  const [row] = await rows(tx, query);
  return row ?? null;
}
