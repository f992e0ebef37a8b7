// The satisfaction survey on WhatsApp: an ACS interactive notification with a list of the five
// ratings (reply buttons stop at three), and reading the customer's pick (or a bare digit) back.
// Shapes: ACS Advanced Messaging `InteractiveNotificationContent` → `whatsAppListAction` →
// `ActionGroupContent { title, groups: [ActionGroup { title, items: [ActionGroupItem { id, title, description }] }] }`;
// the answer arrives as `interactive: { type: "listReply", listReply: { id, title, description } }`.
import type { Activity } from '../../db/generated/client';
import { ratingOf, SURVEY_KEY, SURVEY_RATINGS, type SurveyAnswer, type SurveyTexts } from '../../protocol/survey';
import type { AcsSettings } from './acs-client';

const ITEM_PREFIX = 'survey:';
/** WhatsApp's limits: list rows' titles 24 characters, the list button 20, the body 1024. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The survey texts a stored survey message was asked with, or null when the activity is not the survey. */
export function surveyTextsOf(raw: Activity['raw']): SurveyTexts | null {
  const texts = (raw as Record<string, unknown> | null)?.[SURVEY_KEY];
  return typeof texts === 'object' && texts !== null ? (texts as SurveyTexts) : null;
}

export function toSurveyNotification(settings: AcsSettings, to: string, texts: SurveyTexts) {
  return {
    channelRegistrationId: settings.channelId,
    to: [to],
    kind: 'interactive' as const,
    interactiveMessage: {
      body: { kind: 'text', text: clip(texts.question, 1024) },
      action: {
        kind: 'whatsAppListAction',
        content: {
          kind: 'group',
          title: clip(texts.submit, 20),
          groups: [
            {
              title: clip(texts.question, 24),
              items: SURVEY_RATINGS.map((rating) => ({ id: `${ITEM_PREFIX}${rating}`, title: clip(texts.choices[rating - 1] ?? String(rating), 24), description: '' })),
            },
          ],
        },
      },
    },
  };
}

interface ReplyData {
  content?: string | null;
  interactive?: { listReply?: { id?: string | null } | null; buttonReply?: { id?: string | null } | null } | null;
}

/** The customer's pick from the survey list, or a message that is only a digit from 1 to 5. */
export function whatsAppSurveyAnswer(data: ReplyData): SurveyAnswer | null {
  const id = data.interactive?.listReply?.id ?? data.interactive?.buttonReply?.id ?? null;
  const picked = id?.startsWith(ITEM_PREFIX) ? ratingOf(id.slice(ITEM_PREFIX.length)) : null;
  const rating = picked ?? (id ? null : ratingOf(data.content));
  return rating === null ? null : { rating, comment: null };
}
