// A bot's hero or thumbnail card on WhatsApp, which has no cards: the channel's own interactive
// message (ACS `InteractiveNotificationContent`: an image header, the card's words as the body, its
// buttons as reply buttons — like suggested actions, choices.ts) when its buttons fit WhatsApp's
// reply buttons (at most three replies, titles of 20 characters); otherwise the image with the words
// and the buttons as a numbered list as its caption (or a text without an image). A tapped button
// comes back as a message whose text is its title; a number the customer types comes back as is.
import { badRequest } from '../../errors/app-error';
import type { HeroButton, HeroCard } from '../../protocol/rich-content';
import type { MessageContent } from '../adapter';
import type { AcsSettings } from './acs-client';
import { toNotification } from './send';

const MAX_BUTTONS = 3;
const MAX_TITLE = 20;
const MAX_ID = 256;
const MAX_BODY = 1024;
const REPLY_TYPES = new Set(['imBack', 'postBack', 'messageBack']);

/** Refuses what WhatsApp cannot show of a message with cards (an AppError), rather than drop it. */
export function checkWhatsAppHeroCards(content: MessageContent): void {
  const cards = content.heroCards ?? [];
  if (cards.length === 0) return;
  const refuse = (why: string) => badRequest('NotAcceptedByWhatsApp', `WhatsApp shows a card as a message of its own: ${why}.`);
  if (cards.length > 1) throw refuse('one card per message');
  if (content.attachmentIds.length > 0) throw refuse('it goes without files (its image is the picture)');
  if (content.suggestedActions.length > 0) throw refuse('its buttons are the reply buttons, so it goes without suggested actions');
  if (!bodyOf(content.text, cards[0]!) && !imageOf(cards[0]!)) throw refuse('it has no words or picture to show');
}

const buttonTitle = (button: HeroButton) => button.title?.trim() || (typeof button.value === 'string' ? button.value : '');

/** The card's words: the message's text, then the title (bold), subtitle and text. */
function bodyOf(text: string | null, card: HeroCard): string {
  return [text, card.title && `*${card.title}*`, card.subtitle, card.text].filter((part): part is string => !!part?.trim()).join('\n');
}

/** The first image WhatsApp can fetch (a link; an inline data image cannot be sent by link). */
function imageOf(card: HeroCard): string | null {
  return card.images?.map((image) => image.url).find((url) => /^https?:\/\//i.test(url)) ?? null;
}

function fitsReplyButtons(body: string, buttons: HeroButton[]): boolean {
  return (
    body.length > 0 &&
    body.length <= MAX_BODY &&
    buttons.length > 0 &&
    buttons.length <= MAX_BUTTONS &&
    buttons.every((button) => REPLY_TYPES.has(button.type) && buttonTitle(button).length > 0 && buttonTitle(button).length <= MAX_TITLE)
  );
}

/** `1. Title` per button (a link's address after its title). */
function numberedList(buttons: HeroButton[]): string {
  return buttons
    .filter((button) => buttonTitle(button))
    .map((button, index) => `${index + 1}. ${buttonTitle(button)}${button.type === 'openUrl' && typeof button.value === 'string' ? `: ${button.value}` : ''}`)
    .join('\n');
}

export function toHeroCardNotification(settings: AcsSettings, to: string, text: string | null, card: HeroCard) {
  const body = bodyOf(text, card);
  const image = imageOf(card);
  const buttons = card.buttons ?? [];
  if (fitsReplyButtons(body, buttons)) {
    return {
      channelRegistrationId: settings.channelId,
      to: [to],
      kind: 'interactive' as const,
      interactiveMessage: {
        ...(image && { header: { kind: 'image', mediaUri: image } }),
        body: { kind: 'text', text: body },
        action: {
          kind: 'whatsAppButtonAction',
          content: {
            kind: 'buttonSet',
            buttons: buttons.map((button) => ({ id: (typeof button.value === 'string' && button.value ? button.value : buttonTitle(button)).slice(0, MAX_ID), title: buttonTitle(button) })),
          },
        },
      },
    };
  }
  const list = numberedList(buttons);
  const words = [body, list].filter(Boolean).join('\n\n');
  return toNotification(settings, to, { text: words }, image ? { contentType: 'image/*', contentUrl: image, name: null } : null);
}
