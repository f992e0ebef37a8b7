// What the console learned about a customer's activity while receiving it, kept in its raw JSON
// under one key of ours: files it could not fetch (and why), and the card and button a card
// answer is for. Channels never set it: whatever a caller sends under that key is replaced.
export const CONSOLE_CONTENT_KEY = 'consoleContent';

export interface FetchFailure {
  name: string;
  reason: string;
}

export interface CardAnswer {
  /** The card's title (its first TextBlock), when the card is one the console sent. */
  card: string | null;
  /** The title of the button pressed. */
  action: string | null;
  /** The submitted inputs, labelled as the card labels them, values as the customer saw them. */
  fields: { label: string; value: string }[];
}

/** The customer's answer to the satisfaction survey (lib/conversations/survey/record-answer.ts). */
export interface SurveyAnswerContent {
  rating: number;
  comment: string | null;
}

export interface ConsoleContent {
  fetchFailures?: FetchFailure[];
  cardAnswer?: CardAnswer;
  surveyAnswer?: SurveyAnswerContent;
}

/** `raw` with our key set to `content` (or removed when there is none). */
export function withConsoleContent<T>(raw: T, content: ConsoleContent | undefined): T {
  const hasKey = typeof raw === 'object' && raw !== null && CONSOLE_CONTENT_KEY in raw;
  if (content && Object.keys(content).length === 0) content = undefined;
  if (!content && !hasKey) return raw;
  const rest = { ...(raw as Record<string, unknown>) };
  delete rest[CONSOLE_CONTENT_KEY];
  return (content ? { ...rest, [CONSOLE_CONTENT_KEY]: content } : rest) as T;
}

export function consoleContentOf(raw: unknown): ConsoleContent {
  const content = (raw as Record<string, unknown> | null)?.[CONSOLE_CONTENT_KEY];
  return typeof content === 'object' && content !== null ? (content as ConsoleContent) : {};
}
