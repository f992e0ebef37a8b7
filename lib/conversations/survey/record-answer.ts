// A customer's answer to the satisfaction survey of the conversation's last closed episode: kept
// on that episode's survey and in the transcript (a customer message marked as the answer), without
// reopening the conversation — unlike the ingest statement, which queues a closed conversation on
// any message (decision 005). Anything that is not an answer to an open survey goes that way as
// before (docs/decisions/013-survey.md).
import { db as defaultDb, type Db } from '../../db/client';
import { isUniqueViolation } from '../../db/prisma-errors';
import { lockOpenSurvey } from '../../db/sql/surveys';
import { transaction } from '../../db/transaction';
import { inboundColumns } from '../../activities/inbound-columns';
import { insertActivity } from '../../activities/new-activity';
import type { InboundActivity, ReceivedActivity } from '../../activities/receive-customer-activity';
import type { SurveyAnswer } from '../../protocol/survey';
import { publishConversationChange } from '../publish';

/** An answer counts (a second one replaces the first) for a week after the survey was sent; later, a digit is just a message. */
export const SURVEY_ANSWER_WINDOW_MS = 7 * 24 * 3600_000;

/** Stores the answer, or answers null (storing nothing) when the conversation has no open survey. */
export async function recordSurveyAnswer(conversationId: string, input: InboundActivity, answer: SurveyAnswer, db: Db = defaultDb()): Promise<ReceivedActivity | null> {
  try {
    return await transaction(db, async (tx) => {
      const survey = await lockOpenSurvey(tx, conversationId, new Date(Date.now() - SURVEY_ANSWER_WINDOW_MS));
      if (!survey) return null;
      const now = new Date();
      const activity = await insertActivity(
        tx,
        conversationId,
        inboundColumns(input, now, { ...input.content, surveyAnswer: { rating: answer.rating, comment: answer.comment } }),
      );
      await tx.satisfactionSurvey.update({
        where: { id: survey.surveyId },
        data: { rating: answer.rating, comment: answer.comment, answeredAt: now },
      });
      await publishConversationChange(tx, conversationId, [activity]);
      return { id: activity.id, seq: activity.seq, duplicate: false };
    });
  } catch (error) {
    // A replay (same dedupe key) answers the original.
    if (!isUniqueViolation(error) || !input.dedupeKey) throw error;
    const original = await db.activity.findUnique({ where: { dedupeKey: input.dedupeKey }, select: { id: true, seq: true } });
    if (!original) throw error;
    return { ...original, duplicate: true };
  }
}
