// WhatsApp through ACS Advanced Messaging: the 24-hour customer service window, one file per
// message with the text as its caption, no Adaptive Cards, suggested actions as reply buttons, ACS's
// own file limits.
import { conflict, badRequest } from '../../errors/app-error';
import { planningFiles } from '../../attachments/planning-files';
import { ACS_POLICY } from '../../outbound/retry-policy';
import { checkUpload } from '../../shared/upload-limits';
import { noTyping, type ChannelAdapter, type MessageContent } from '../adapter';
import { signedFiles } from '../signed-files';
import { suggestedActionsOf } from '../../protocol/rich-content';
import { acsSettings } from './acs-client';
import { checkWhatsAppChoices, toChoicesNotification } from './choices';
import { sendWhatsApp, toNotification } from './send';
import { surveyTextsOf, toSurveyNotification } from './survey';
import { listWhatsAppTemplates, templateOf, toTemplateNotification } from './templates';

/** WhatsApp lets a business answer freely for 24 hours after the customer's last message. */
export const WHATSAPP_REPLY_WINDOW_MS = 24 * 3600_000;

const windowClosed = (lastInboundAt: Date | null) => Date.now() - (lastInboundAt?.getTime() ?? 0) > WHATSAPP_REPLY_WINDOW_MS;

const planWhatsAppMessage: ChannelAdapter['planMessage'] = async (tx, conversation, content) => {
  for (const file of await planningFiles(tx, conversation.id, content.attachmentIds)) {
    const refusal = checkUpload('whatsapp', { type: file.contentType, size: file.size });
    if (refusal) {
      const why = refusal.code === 'tooLarge' ? `is larger than ${refusal.maxBytes / 1024 / 1024} MB, the most WhatsApp takes for it` : 'is of a type WhatsApp does not take';
      throw badRequest('NotAcceptedByWhatsApp', `${file.name ?? 'The file'} ${why}.`);
    }
  }
  if (content.template) {
    // The one thing WhatsApp takes outside the window; it travels alone.
    if (content.attachmentIds.length > 0 || content.cards.length > 0) throw badRequest('NotAcceptedByWhatsApp', 'A WhatsApp template goes without files or cards.');
    return [{ ...content, suggestedActions: [] }];
  }
  if (windowClosed(conversation.lastInboundAt)) {
    throw conflict(
      "WhatsApp's 24-hour customer service window is closed: a free-form reply can only follow a customer message from the last 24 hours. The customer has to write again.",
      'CustomerServiceWindowClosed',
    );
  }
  // WhatsApp has no Adaptive Cards: refuse rather than drop them silently.
  if (content.cards.length > 0) throw badRequest('NotAcceptedByWhatsApp', 'WhatsApp does not show Adaptive Cards.');
  checkWhatsAppChoices(content);
  // One file per WhatsApp message; the text travels as the first file's caption.
  if (content.attachmentIds.length <= 1) return [content];
  return content.attachmentIds.map((id, index): MessageContent => ({ text: index === 0 ? content.text : '', attachmentIds: [id], suggestedActions: [], cards: [] }));
};

export const whatsAppAdapter: ChannelAdapter = {
  kind: 'whatsapp',
  takesLifecycleEvents: false,
  revisesSentMessages: false,
  replyWindowMs: WHATSAPP_REPLY_WINDOW_MS,
  planMessage: planWhatsAppMessage,

  async prepareDelivery(_db, { activity }) {
    const settings = await acsSettings();
    const target = 'ACS /messages/notifications:send';
    if (!settings) return { ok: false, target, reason: 'WhatsApp is not configured (ACS_ENDPOINT, ACS_ACCESS_KEY, ACS_CHANNEL_ID)' };
    const to = activity.conversation.customerId;
    if (!to) return { ok: false, target, reason: 'The conversation has no WhatsApp number' };
    const template = templateOf(activity.raw);
    const survey = surveyTextsOf(activity.raw);
    const [file] = await signedFiles(activity.attachments);
    const choices = suggestedActionsOf(activity.raw);
    const notification = template
      ? toTemplateNotification(settings, to, template)
      : survey
        ? toSurveyNotification(settings, to, survey)
        : choices.length > 0 && !file && activity.text
          ? toChoicesNotification(settings, to, activity.text, choices)
          : toNotification(settings, to, activity, file ?? null);
    return { ok: true, target, policy: ACS_POLICY, send: () => sendWhatsApp(settings, notification, ACS_POLICY.timeoutMs) };
  },

  sendTyping: noTyping,

  // The business may write first to a number it has talked with; outside the window only with a template.
  reachFirst: {
    async candidates(_db, conversation) {
      if (!conversation.customerId) return [];
      return [{ id: conversation.customerId, name: conversation.customerName, needsTemplate: windowClosed(conversation.lastInboundAt) }];
    },
    async open(_db, conversation, customer) {
      return { externalId: conversation.externalId, customerId: customer.id, customerName: conversation.customerName };
    },
  },
  listTemplates: listWhatsAppTemplates,
  // A list of the five ratings (sent from the stored texts when delivered); outside the window WhatsApp would refuse it.
  surveyMessage: (conversation, texts) => (windowClosed(conversation.lastInboundAt) ? null : { text: texts.question, cards: [] }),
};
