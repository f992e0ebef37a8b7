// Suggested actions on WhatsApp: reply buttons under the message's text (ACS Advanced Messaging
// `InteractiveNotificationContent` → `whatsAppButtonAction` → `ButtonSetContent { kind: "buttonSet",
// buttons: [{ id, title }] }`). The customer's tap comes back as a message whose text is the button's
// title (inbound.ts). WhatsApp takes at most three, titles of 20 characters, replies only (no links).
import { badRequest } from '../../errors/app-error';
import type { CardAction } from '../../protocol/rich-content';
import type { MessageContent } from '../adapter';
import type { AcsSettings } from './acs-client';

const MAX_BUTTONS = 3;
const MAX_TITLE = 20;
const MAX_ID = 256;
const MAX_BODY = 1024;

/** Refuses suggested actions WhatsApp cannot show as reply buttons (an AppError), rather than drop them. */
export function checkWhatsAppChoices(content: MessageContent): void {
  const actions = content.suggestedActions;
  if (actions.length === 0) return;
  const refuse = (why: string) => badRequest('NotAcceptedByWhatsApp', `WhatsApp shows suggested actions as reply buttons: ${why}.`);
  if (actions.length > MAX_BUTTONS) throw refuse(`at most ${MAX_BUTTONS}`);
  if (!content.text.trim()) throw refuse('they need a text to go under');
  if (content.text.length > MAX_BODY) throw refuse(`their text may be at most ${MAX_BODY} characters`);
  if (content.attachmentIds.length > 0) throw refuse('they go without files');
  for (const action of actions) {
    if (action.type === 'openUrl') throw refuse(`"${action.title}" opens a link, which a reply button cannot`);
    if (action.title.length > MAX_TITLE) throw refuse(`"${action.title}" is longer than ${MAX_TITLE} characters`);
  }
}

export function toChoicesNotification(settings: AcsSettings, to: string, text: string, actions: CardAction[]) {
  return {
    channelRegistrationId: settings.channelId,
    to: [to],
    kind: 'interactive' as const,
    interactiveMessage: {
      body: { kind: 'text', text },
      action: {
        kind: 'whatsAppButtonAction',
        content: { kind: 'buttonSet', buttons: actions.map((action) => ({ id: (action.value || action.title).slice(0, MAX_ID), title: action.title })) },
      },
    },
  };
}
