// The bot hands the conversation over (`handoff.initiate`, CONTRACT.md): it goes to its queue (the
// context's `skill` may name another queue) with the context and the transcript kept for reps.
// The SDK's EventFactory sets the customer as `from`, so the conversation being with the bot, not
// the sender, decides. Outside the queue's hours the bot hears `failed` at once (it stays queued).
import { db as defaultDb, type Db } from '../../db/client';
import type { Prisma } from '../../db/generated/client';
import { transaction } from '../../db/transaction';
import { conflict } from '../../errors/app-error';
import { insertActivity } from '../../activities/new-activity';
import { closedReason } from '../../shared/hours/business-hours';
import { storedCalendar } from '../../hours/stored-calendar';
import type { WireActivity } from '../../protocol/activity';
import type { HandoffTranscriptLine } from '../../protocol/console/bot';
import { publishConversationChange } from '../publish';
import { leaveBot } from './leave-bot';
import { tellBot } from './tell-bot';

export const HANDOFF_INITIATE = 'handoff.initiate';

const TRANSCRIPT_LINES = 200;
const LINE_CHARS = 2000;

export async function handOff(conversationId: string, activity: WireActivity, db: Db = defaultDb()): Promise<{ id: string }> {
  return transaction(db, async (tx) => {
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { botChannel: { select: { name: true } } } });
    if (conversation.state !== 'bot') throw conflict('The bot does not hold this conversation.', 'NotWithBot');
    const at = new Date();
    const context = (activity.value ?? null) as Prisma.InputJsonValue | null;
    const queue = await queueOfSkill(tx, context);
    const stored = await insertActivity(tx, conversation.id, {
      type: 'event',
      direction: 'internal',
      name: HANDOFF_INITIATE,
      externalId: activity.id ?? null,
      fromId: activity.from?.id ?? null,
      fromName: activity.from?.name ?? null,
      fromRole: 'bot',
      raw: { type: 'event', name: HANDOFF_INITIATE, value: context } as Prisma.InputJsonObject,
    });
    await leaveBot(tx, { ...conversation, lastSeq: stored.seq }, {
      at,
      queueId: queue?.id,
      handoff: {
        kind: 'handoff',
        at: at.toISOString(),
        botAppId: conversation.botChannel?.name ?? null,
        context: (context ?? null) as never,
        transcript: transcriptOf(activity),
        reason: null,
        told: [],
      },
    });
    const events = [stored];
    const target = await tx.queue.findUniqueOrThrow({ where: { id: queue?.id ?? conversation.queueId! }, select: { calendar: true } });
    const calendar = storedCalendar(target.calendar);
    if (calendar && closedReason(calendar, at)) {
      const told = await tellBot(tx, conversation.id, 'failed', 'The queue is outside its business hours.');
      if (told) events.push(told);
    }
    await publishConversationChange(tx, conversation.id, events);
    return { id: stored.id };
  });
}

/** The queue a context's `skill` names (case aside), if any. */
async function queueOfSkill(tx: Prisma.TransactionClient, context: unknown) {
  const skill = (context as { skill?: unknown } | null)?.skill;
  if (typeof skill !== 'string' || !skill.trim()) return null;
  return tx.queue.findFirst({ where: { name: { equals: skill.trim(), mode: 'insensitive' } }, select: { id: true } });
}

/** The messages of the `Transcript` attachment (`{ activities: [...] }`, botbuilder's EventFactory), null when there is none. */
function transcriptOf(activity: WireActivity): HandoffTranscriptLine[] | null {
  const attachment = activity.attachments?.find((a) => a.contentType === 'application/json' && (a.content as { activities?: unknown } | null)?.activities);
  const activities = (attachment?.content as { activities?: unknown } | undefined)?.activities;
  if (!Array.isArray(activities)) return null;
  return activities
    .filter((a): a is { type?: unknown; text?: unknown; from?: { role?: unknown; name?: unknown }; timestamp?: unknown } => typeof a === 'object' && a !== null)
    .filter((a) => a.type === 'message' && typeof a.text === 'string')
    .slice(-TRANSCRIPT_LINES)
    .map((a) => ({
      role: a.from?.role === 'bot' ? 'bot' : 'customer',
      name: typeof a.from?.name === 'string' ? a.from.name.slice(0, 200) : null,
      text: (a.text as string).slice(0, LINE_CHARS),
      timestamp: typeof a.timestamp === 'string' && !Number.isNaN(Date.parse(a.timestamp)) ? new Date(a.timestamp).toISOString() : null,
    }));
}
