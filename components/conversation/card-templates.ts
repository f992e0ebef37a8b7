// Adaptive Card templates a rep can send from the composer's `Cards` menu (schema 1.5, which Teams,
// Web Chat and the official renderers take). `{customer}` is the customer's name. What the rep reads
// (the template's title, its fields' labels) is in the `cards` messages under the template's id and
// the field's name; the card itself is what the customer gets, in English.
import type { AdaptiveCardView } from '@/lib/views/types';

/** A value the rep fills in before sending (prefilled where the console knows one); `name` labels it. */
export interface CardField {
  name: 'subject' | 'order' | 'status' | 'expected';
  initial: string;
}

export interface CardTemplate {
  /** Also the key of the template's title in the `cards` messages. */
  id: 'confirmation' | 'survey' | 'order-status';
  fields: CardField[];
  card: (customer: string, values: Record<string, string>) => AdaptiveCardView;
}

const value = (values: Record<string, string>, name: string) => values[name]?.trim() || '—';

const base = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' } as const;

export const CARD_TEMPLATES: CardTemplate[] = [
  {
    id: 'confirmation',
    fields: [{ name: 'subject', initial: 'Your request' }],
    card: (customer, values) => ({
      ...base,
      body: [
        { type: 'TextBlock', text: 'All done', weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: `Thanks, ${customer}. ${value(values, 'subject')} is confirmed; nothing more is needed from you.`, wrap: true },
      ],
      actions: [
        { type: 'Action.Submit', title: 'Thanks!', data: { confirmation: 'acknowledged' } },
        { type: 'Action.Submit', title: 'I have another question', data: { confirmation: 'more' } },
      ],
    }),
  },
  {
    id: 'survey',
    fields: [],
    card: (customer) => ({
      ...base,
      body: [
        { type: 'TextBlock', text: `How did we do, ${customer}?`, weight: 'Bolder', size: 'Medium', wrap: true },
        {
          type: 'Input.ChoiceSet',
          id: 'rating',
          label: 'Your rating',
          style: 'expanded',
          isRequired: true,
          errorMessage: 'Please pick a rating.',
          choices: [
            { title: 'Very satisfied', value: '5' },
            { title: 'Satisfied', value: '4' },
            { title: 'Neutral', value: '3' },
            { title: 'Unsatisfied', value: '2' },
            { title: 'Very unsatisfied', value: '1' },
          ],
        },
        { type: 'Input.Text', id: 'comment', label: 'Anything we could do better?', isMultiline: true },
      ],
      actions: [{ type: 'Action.Submit', title: 'Submit', data: { survey: 'satisfaction' } }],
    }),
  },
  {
    id: 'order-status',
    fields: [
      { name: 'order', initial: '' },
      { name: 'status', initial: '' },
      { name: 'expected', initial: '' },
    ],
    card: (customer, values) => ({
      ...base,
      body: [
        { type: 'TextBlock', text: 'Your order', weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: `Here is where your order stands, ${customer}.`, wrap: true },
        {
          type: 'FactSet',
          facts: [
            { title: 'Order', value: value(values, 'order') },
            { title: 'Status', value: value(values, 'status') },
            { title: 'Expected', value: value(values, 'expected') },
          ],
        },
      ],
      actions: [{ type: 'Action.Submit', title: 'Where is it now?', data: { order: 'track' } }],
    }),
  },
];

/** Channels that show Adaptive Cards: every one the console serves except WhatsApp. */
export const channelTakesCards = (channel: string) => channel !== 'whatsapp';
