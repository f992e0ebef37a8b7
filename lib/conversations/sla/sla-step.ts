// The SLA step of the routing tick: keeps each open episode's clock (Episode.slaKind/slaWarnAt/
// slaDueAt, which the conversation summary shows) in step with its queue's targets, and records
// SlaWarning / SlaBreached once per clock (the first response; each run of unanswered customer
// messages), pushed live as `sla.alert`. Done here and not
// in the ingest statement, so the hot path never reads a calendar; a clock starts within a tick.
import type { Tx } from '../../db/client';
import { markFirstResponseBreached, recordSlaEvent, slaEpisodes, storeSlaClock, type SlaEpisode } from '../../db/sql/sla';
import { storedCalendar } from '../../hours/stored-calendar';
import { appendEvent } from '../../realtime/event-log';
import { loadSummary } from '../summary';
import { firstResponseDue, slaClock, type SlaClock } from './sla-clock';

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/** Where the next tick carries on: with more than `limit` open episodes, each tick takes the next ones in turn. */
let resumeAfter = '0';

/** Updates the clocks of up to `limit` open episodes and records what fell due; answers how many alerts. */
export async function checkSlaClocks(tx: Tx, now: Date, limit: number): Promise<number> {
  let alerts = 0;
  const episodes = await slaEpisodes(tx, limit, resumeAfter);
  for (const episode of episodes) alerts += await checkEpisode(tx, episode, now);
  resumeAfter = episodes.length < limit ? '0' : episodes.at(-1)!.id;
  return alerts;
}

async function checkEpisode(tx: Tx, episode: SlaEpisode, now: Date): Promise<number> {
  // An erased conversation's episodes are closed in the erasing transaction; nothing to alert on.
  if (episode.conversationId === null) return 0;
  const input = {
    calendar: storedCalendar(episode.calendar),
    queuedAt: asDate(episode.queuedAt)!,
    firstResponseAt: asDate(episode.firstResponseAt),
    firstResponseDueAt: asDate(episode.firstResponseDueAt),
    unansweredSince: asDate(episode.unansweredSince),
    firstResponseTargetSeconds: episode.firstResponseTargetSeconds,
    nextResponseTargetSeconds: episode.nextResponseTargetSeconds,
  };
  const firstDue = firstResponseDue(input);
  const clock = slaClock(input);
  const changed =
    !sameInstant(firstDue, input.firstResponseDueAt) ||
    (clock?.kind ?? null) !== episode.slaKind ||
    !sameInstant(clock?.warnAt ?? null, asDate(episode.slaWarnAt)) ||
    !sameInstant(clock?.dueAt ?? null, asDate(episode.slaDueAt));
  if (changed) {
    await storeSlaClock(tx, episode.id, {
      firstResponseDueAt: firstDue,
      // Answered before this step first saw the target: late or not, by the same due instant.
      ...(firstDue && input.firstResponseAt && !input.firstResponseDueAt && { firstResponseBreached: input.firstResponseAt > firstDue }),
      slaKind: clock?.kind ?? null,
      slaWarnAt: clock?.warnAt ?? null,
      slaDueAt: clock?.dueAt ?? null,
    });
  }
  const fell = clock ? await recordFallen(tx, episode.id, clock, now) : [];
  if (!changed && fell.length === 0) return 0;
  const conversation = await loadSummary(tx, episode.conversationId);
  if (fell.length === 0) await appendEvent(tx, { type: 'conversation.updated', conversationId: conversation.id, conversation });
  for (const level of fell) {
    await appendEvent(tx, { type: 'sla.alert', conversationId: conversation.id, kind: clock!.kind, level, dueAt: clock!.dueAt.toISOString(), conversation });
  }
  return fell.length;
}

/** The warning and the breach that `now` has reached, each recorded once per clock: a replayed tick adds nothing. */
async function recordFallen(tx: Tx, episodeId: string, clock: SlaClock, now: Date): Promise<('warning' | 'breached')[]> {
  const fell: ('warning' | 'breached')[] = [];
  for (const [level, at] of [['warning', clock.warnAt], ['breached', clock.dueAt]] as const) {
    if (now < at) continue;
    if (!(await recordSlaEvent(tx, { episodeId, kind: clock.kind, startedAt: clock.startedAt, level, dueAt: clock.dueAt, at: now }))) continue;
    fell.push(level);
    if (level === 'breached' && clock.kind === 'first') {
      await markFirstResponseBreached(tx, episodeId);
    }
  }
  return fell;
}
