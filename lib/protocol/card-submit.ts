// Adaptive Card answers as Bot Framework channels send them: `Action.Submit` is a `message` whose
// `value` holds the inputs merged with the button's `data` (usually no text; Teams and Web Chat);
// `Action.Execute` is an `invoke` named `adaptiveCard/action` whose `value.action` holds the verb
// and the data (inputs merged in), answered over HTTP (Universal Actions).
import type { WireActivity } from './activity';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

export interface SubmittedCard {
  /** What was submitted: `value` (Action.Submit) or `value.action.data` (Action.Execute). */
  submitted: unknown;
  replyToId: string | null;
  /** Action.Execute's verb and (when the channel sends it) the button's title. */
  verb?: string | null;
  actionTitle?: string | null;
}

interface ExecuteValue {
  action?: { type?: unknown; verb?: unknown; title?: unknown; data?: unknown } | null;
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value.slice(0, 256) : null);

/** The card answer an activity is, or null. */
export function submittedCardOf(activity: WireActivity): SubmittedCard | null {
  const replyToId = activity.replyToId ?? null;
  if (isCardActionInvoke(activity)) {
    const action = (activity.value as ExecuteValue | null | undefined)?.action ?? {};
    return { submitted: action.data ?? {}, replyToId, verb: text(action.verb), actionTitle: text(action.title) };
  }
  if (activity.type !== 'message') return null;
  const value = activity.value;
  const submitted = typeof value === 'string' ? value.length > 0 : typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
  return submitted ? { submitted: value, replyToId } : null;
}

export const isCardActionInvoke = (activity: WireActivity) => activity.type === 'invoke' && activity.name === CARD_ACTION_INVOKE;

/** The HTTP answer Action.Execute expects: a message shown to the user in place. */
export function cardActionAnswer(message: string) {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message };
}
