// The satisfaction survey as the customer sees and answers it (CONTRACT.md "Satisfaction survey").
// Pure: the card the Bot Framework channels show, and reading an answer out of an activity — a
// card's `value` (Web Chat and Teams post `{rating, comment}` merged with the button's data, with
// no text) or the plain-text fallback ("1"…"5"). Channels with their own reply shape (WhatsApp's
// list) read it in their folder and produce the same `SurveyAnswer`.
import type { AdaptiveCard } from './rich-content';

export const SURVEY_RATINGS = [1, 2, 3, 4, 5] as const;
export const MAX_SURVEY_COMMENT_CHARS = 1000;
/** Marks the console's survey message in its stored JSON (which texts it asked with). */
export const SURVEY_KEY = 'consoleSurvey';
/** The Action.Submit data that marks a card answer as the survey's. */
export const SURVEY_SUBMIT_DATA = { survey: 'satisfaction' } as const;

/** What the survey says, in the customer's language. `choices[i]` is the title of rating i + 1. */
export interface SurveyTexts {
  question: string;
  choices: string[];
  commentLabel: string;
  submit: string;
  /** Shown when the card is submitted without a rating (Web Chat refuses to render a required input without one). */
  ratingRequired: string;
  /** The prompt where the channel shows no card: answer with a digit. */
  textPrompt: string;
}

export interface SurveyAnswer {
  rating: number;
  comment: string | null;
}

/** An Adaptive Card 1.3 (Web Chat, Teams): the rating as an `Input.ChoiceSet` of `1`…`5`, an optional comment, one `Action.Submit`. */
export function surveyCard(texts: SurveyTexts): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    body: [
      { type: 'TextBlock', text: texts.question, wrap: true, weight: 'Bolder' },
      {
        type: 'Input.ChoiceSet',
        id: 'rating',
        style: 'expanded',
        isRequired: true,
        errorMessage: texts.ratingRequired,
        label: texts.question,
        choices: SURVEY_RATINGS.map((rating) => ({ title: texts.choices[rating - 1] ?? String(rating), value: String(rating) })),
      },
      { type: 'Input.Text', id: 'comment', isMultiline: true, maxLength: MAX_SURVEY_COMMENT_CHARS, label: texts.commentLabel },
    ],
    actions: [{ type: 'Action.Submit', title: texts.submit, data: SURVEY_SUBMIT_DATA }],
  } as AdaptiveCard;
}

/** A rating from what a channel sent: `4`, `"4"`, `" 4 "`; anything else is none. */
export function ratingOf(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  return text !== null && /^[1-5]$/.test(text) ? Number(text) : null;
}

const commentOf = (value: unknown) => (typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, MAX_SURVEY_COMMENT_CHARS) : null);

/**
 * A Bot Framework message read as a survey answer: `value` with a `rating` (the card), else a text
 * that is only a digit from 1 to 5 (the text fallback). Whether a survey is open is the domain's call.
 */
export function surveyAnswerOf(activity: { type?: string | null; text?: string | null; value?: unknown }): SurveyAnswer | null {
  if (activity.type !== 'message') return null;
  const value = activity.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fields = value as Record<string, unknown>;
    const rating = ratingOf(fields.rating);
    return rating === null ? null : { rating, comment: commentOf(fields.comment) };
  }
  const rating = ratingOf(activity.text);
  return rating === null ? null : { rating, comment: null };
}
