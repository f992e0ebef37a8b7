// A customer answers an Adaptive Card: `Action.Submit` (a message whose `value` holds the card's
// inputs merged with the button's `data`) or `Action.Execute` (Teams' `adaptiveCard/action` invoke:
// the verb, and inputs merged into `data`). The rep reads which card and which button it answers
// and the fields, labelled as the card labels them. The card is found among the console's sent
// activities by `replyToId` (our id, or the channel's id for it); clients that do not set it are
// matched on the button's data among the latest cards.
import { db as defaultDb, type Db } from '../db/client';
import type { CardAnswer } from '../protocol/console-content';
import type { SubmittedCard } from '../protocol/card-submit';
import { cardAttachmentsOf } from '../protocol/rich-content';

type Element = Record<string, unknown>;

const RECENT_CARDS = 20;
const MAX_FIELDS = 50;
const MAX_VALUE_CHARS = 1000;
/** Teams-specific keys of `data` (messageBack and the like), not the customer's input. */
const CHANNEL_KEYS = new Set(['msteams']);

export async function cardAnswerOf(conversationId: string, answer: SubmittedCard, db: Db = defaultDb()): Promise<CardAnswer> {
  const match = await findCard(conversationId, answer, db);
  const submitted = isObject(answer.submitted) ? answer.submitted : { value: answer.submitted };
  const buttonData = isObject(match?.action?.data) ? match.action.data : {};
  const fields = Object.entries(submitted)
    .filter(([key, value]) => !CHANNEL_KEYS.has(key) && !(key in buttonData && sameValue(buttonData[key], value)))
    .slice(0, MAX_FIELDS)
    .map(([key, value]) => fieldOf(match?.inputs.get(key), key, value));
  return {
    card: match?.title ?? null,
    action: answer.actionTitle ?? (typeof match?.action?.title === 'string' ? match.action.title : null),
    fields,
  };
}

interface CardMatch {
  title: string | null;
  action: Element | null;
  inputs: Map<string, Element>;
}

async function findCard(conversationId: string, answer: SubmittedCard, db: Db): Promise<CardMatch | null> {
  if (answer.replyToId) {
    const answered = await db.activity.findFirst({
      where: { conversationId, direction: 'outbound', OR: [{ id: answer.replyToId }, { externalId: answer.replyToId }] },
      select: { raw: true },
    });
    const cards = answered ? cardAttachmentsOf(answered.raw).map((card) => card.content as Element) : [];
    const match = bestMatch(cards, answer) ?? (cards[0] ? describe(cards[0], onlyAction(cards[0])) : null);
    if (match) return match;
  }
  const recent = await db.activity.findMany({
    where: { conversationId, direction: 'outbound' },
    orderBy: { seq: 'desc' },
    take: RECENT_CARDS,
    select: { raw: true },
  });
  return bestMatch(recent.flatMap((row) => cardAttachmentsOf(row.raw).map((card) => card.content as Element)), answer);
}

/** The card whose button the answer names: by verb (Execute), or by the most of its data found in what was submitted. */
function bestMatch(cards: Element[], answer: SubmittedCard): CardMatch | null {
  let best: { card: Element; action: Element; score: number } | null = null;
  for (const card of cards) {
    for (const action of actionsOf(card)) {
      const score = scoreOf(action, answer);
      if (score > 0 && (!best || score > best.score)) best = { card, action, score };
    }
  }
  return best && describe(best.card, best.action);
}

function scoreOf(action: Element, answer: SubmittedCard): number {
  if (answer.verb) return action.type === 'Action.Execute' && action.verb === answer.verb ? 1000 : 0;
  if (action.type !== 'Action.Submit' && action.type !== 'Action.Execute') return 0;
  const data = action.data;
  if (!isObject(data)) return data !== undefined && sameValue(data, answer.submitted) ? 1 : 0;
  if (!isObject(answer.submitted)) return 0;
  const submitted = answer.submitted;
  const keys = Object.keys(data).filter((key) => !CHANNEL_KEYS.has(key));
  return keys.every((key) => sameValue(data[key], submitted[key])) ? keys.length : 0;
}

function onlyAction(card: Element): Element | null {
  const actions = actionsOf(card);
  return actions.length === 1 ? actions[0]! : null;
}

function describe(card: Element, action: Element | null): CardMatch {
  const inputs = new Map<string, Element>();
  let title: string | null = null;
  walk(card.body, (element) => {
    if (title === null && element.type === 'TextBlock' && typeof element.text === 'string') title = element.text.slice(0, 200);
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string') inputs.set(element.id, element);
  });
  return { title, action, inputs };
}

/** The card's buttons: its own actions and those of action sets in its body. */
function actionsOf(card: Element): Element[] {
  const actions: Element[] = Array.isArray(card.actions) ? card.actions.filter(isObject) : [];
  walk(card.body, (element) => {
    if (element.type === 'ActionSet' && Array.isArray(element.actions)) actions.push(...element.actions.filter(isObject));
  });
  return actions;
}

/** Visits every element of a body (containers, columns, their items), depth-first, to a bounded depth. */
function walk(items: unknown, visit: (element: Element) => void, depth = 0): void {
  if (!Array.isArray(items) || depth > 8) return;
  for (const item of items) {
    if (!isObject(item)) continue;
    visit(item);
    for (const key of ['items', 'columns', 'body']) walk(item[key], visit, depth + 1);
  }
}

function fieldOf(input: Element | undefined, key: string, value: unknown): { label: string; value: string } {
  const label = [input?.label, input?.title, input?.placeholder].find((text): text is string => typeof text === 'string' && text.length > 0) ?? key;
  return { label: label.slice(0, 200), value: shown(input, value).slice(0, MAX_VALUE_CHARS) };
}

/** A value as the customer saw it: a choice's title rather than its value. */
function shown(input: Element | undefined, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  if (input?.type !== 'Input.ChoiceSet' || !Array.isArray(input.choices) || typeof value !== 'string') return text;
  const titles = new Map(input.choices.filter(isObject).map((choice) => [String(choice.value), String(choice.title ?? choice.value)]));
  return value
    .split(',')
    .map((part) => titles.get(part) ?? part)
    .join(', ');
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isObject(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
