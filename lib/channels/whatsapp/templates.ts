// WhatsApp message templates through ACS Advanced Messaging: the approved ones a rep may send when
// the 24-hour window is closed (`GET /messages/channels/{channelId}/templates`), and the template
// notification itself (`kind: "template"`; body parameters `{{1}}`, `{{2}}`, … bound in order).
import { paginate } from '@azure-rest/communication-messages';
import type { Activity } from '../../db/generated/client';
import type { MessageTemplateView, TemplateMessage } from '../adapter';
import { acsClient, acsSettings, type AcsSettings } from './acs-client';

interface WhatsAppComponent {
  type?: string;
  text?: string;
}

/** The BODY text of WhatsApp's template content (Meta's shape: `components: [{type: "BODY", text}]`). */
function bodyOf(content: unknown): string {
  const components = (content as { components?: WhatsAppComponent[] } | null)?.components;
  return (Array.isArray(components) ? components : []).find((component) => component.type?.toUpperCase() === 'BODY')?.text ?? '';
}

const parameterCount = (body: string) => Math.max(0, ...[...body.matchAll(/\{\{(\d+)\}\}/g)].map((match) => Number(match[1])));

/** The approved templates of the configured channel; an empty list when WhatsApp is not configured. */
export async function listWhatsAppTemplates(): Promise<MessageTemplateView[]> {
  const settings = await acsSettings();
  if (!settings) return [];
  const client = acsClient(settings);
  const first = await client.path('/messages/channels/{channelId}/templates', settings.channelId).get({ abortSignal: AbortSignal.timeout(15_000) });
  if (first.status !== '200') throw new Error(`ACS answered ${first.status} for the template list`);
  const templates: MessageTemplateView[] = [];
  for await (const item of paginate(client, first)) {
    const template = item as { name: string; language: string; status?: string; content?: unknown };
    if (template.status?.toLowerCase() !== 'approved') continue;
    const body = bodyOf(template.content);
    templates.push({ name: template.name, language: template.language, body, parameters: parameterCount(body) });
    if (templates.length >= 200) break;
  }
  return templates;
}

/** The template a rep's message carries (stored in its raw activity), if any. */
export function templateOf(raw: Activity['raw']): TemplateMessage | null {
  const template = (raw as { template?: TemplateMessage } | null)?.template;
  return template && typeof template.name === 'string' ? template : null;
}

export function toTemplateNotification(settings: AcsSettings, to: string, template: TemplateMessage) {
  const names = template.parameters.map((_, index) => `p${index + 1}`);
  return {
    channelRegistrationId: settings.channelId,
    to: [to],
    kind: 'template' as const,
    template: {
      name: template.name,
      language: template.language,
      ...(names.length > 0 && {
        values: template.parameters.map((text, index) => ({ kind: 'text', name: names[index]!, text })),
        bindings: { kind: 'whatsApp', body: names.map((refValue) => ({ refValue })) },
      }),
    },
  };
}
