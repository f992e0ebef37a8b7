// Administration: agents, queues, channel settings, Direct Line secrets.
import { z } from 'zod';
import { calendarSchema } from './calendar';
import { instant, roleSchema } from './shared';

export const adminAgentSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  capacity: z.number().int(),
  active: z.boolean(),
  queueIds: z.array(z.string()),
});

const password = z.string().min(12, 'at least 12 characters').max(200);

export const newAgentBody = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(100),
    role: roleSchema.default('agent'),
    capacity: z.number().int().min(0).max(100).default(5),
    password,
    queueIds: z.array(z.uuid()).max(100).default([]),
  })
  .strict();

/** Role, capacity, queues, password, or deactivation (which ends the agent's sessions). */
export const agentChangeBody = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: roleSchema.optional(),
    capacity: z.number().int().min(0).max(100).optional(),
    password: password.optional(),
    queueIds: z.array(z.uuid()).max(100).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const adminQueueSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  waiting: z.number().int(),
  /** Customers get the satisfaction survey when a conversation of this queue closes. */
  surveyEnabled: z.boolean(),
  /** Business hours; null: always open. */
  calendar: calendarSchema.nullable(),
  /** Told to a customer who writes while the queue is closed, once per episode; null: nothing is said. */
  awayMessage: z.string().nullable(),
  /** SLA targets in business seconds (a warning at 80%); null: no SLA of that kind. */
  firstResponseTargetSeconds: z.number().int().nullable(),
  nextResponseTargetSeconds: z.number().int().nullable(),
  /** Closed conversations older than this many days are erased; null: the environment's default. */
  retentionDays: z.number().int().nullable(),
  /** The environment's default (CONVERSATION_RETENTION_DAYS); null: kept forever. */
  retentionDefaultDays: z.number().int().nullable(),
  /** Which bot answers first: the environment's (AGENT_BOT_*; `appId` null when unset), the queue's own, or none. */
  bot: z.object({ mode: z.enum(['environment', 'own', 'none']), appId: z.string().nullable(), endpoint: z.string().nullable() }),
});

export const AWAY_MESSAGE_MAX = 1000;

/** A queue's business hours and away message, replaced as a whole (`null` clears either). */
export const queueHoursBody = z
  .object({ calendar: calendarSchema.nullable(), awayMessage: z.string().trim().min(1).max(AWAY_MESSAGE_MAX).nullable() })
  .strict();

export const newQueueBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();
export const queueMembersBody = z.object({ agentIds: z.array(z.uuid()).max(1000) }).strict();
/** An SLA target: a second up to 30 days of business time; null removes it. */
const slaTarget = z.number().int().min(1).max(30 * 24 * 3600).nullable().optional();
/** A queue's bot: the environment's, its own (a bot's messaging endpoint and Microsoft app id), or none. */
export const queueBotBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('environment') }).strict(),
  z.object({ mode: z.literal('none') }).strict(),
  z
    .object({ mode: z.literal('own'), endpoint: z.url({ protocol: /^https?$/ }).max(2000), appId: z.string().trim().min(1).max(200) })
    .strict(),
]);
/** A queue's settings: a field left out stays as it is. */
export const queueChangeBody = z
  .object({
    surveyEnabled: z.boolean().optional(),
    firstResponseTargetSeconds: slaTarget,
    nextResponseTargetSeconds: slaTarget,
    /** Days a closed conversation is kept; null: the environment's default. */
    retentionDays: z.number().int().min(1).max(36_500).nullable().optional(),
    bot: queueBotBody.optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'Nothing to change.' });

const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const url = z.url({ protocol: /^https?$/ }).max(2000).nullable().optional();

/** Per channel: a field left out stays as it is, `null` clears it; secrets are sealed at rest. */
export const channelSettingsBodies = {
  custom: z.object({ webhookUrl: url, token: text(2000), tokenUrl: url, clientId: text(500), clientSecret: text(2000), scope: text(500) }).strict(),
  teams: z.object({ appId: text(200), appPassword: text(500) }).strict(),
  whatsapp: z.object({ endpoint: url, accessKey: text(500), channelId: text(200) }).strict(),
};
export type SettingsKind = keyof typeof channelSettingsBodies;
/** Any channel's settings change (the path names the channel; its schema is in `channelSettingsBodies`). */
export const channelSettingsBody = z.union([channelSettingsBodies.custom, channelSettingsBodies.teams, channelSettingsBodies.whatsapp]);

/** A channel's settings as an administrator sees them: secrets masked; `fromEnvironment` when the environment sets it. */
const maskedSettings = z.record(z.string(), z.union([z.string(), z.boolean()]));

export const channelSettingsViewSchema = z.object({
  custom: maskedSettings,
  teams: maskedSettings,
  whatsapp: maskedSettings,
  directline: z.object({
    fromEnvironment: z.number().int(),
    secrets: z.array(z.object({ id: z.string(), hint: z.string(), createdAt: instant })),
  }),
});

/** A new Direct Line secret, shown this once. */
export const issuedSecretSchema = z.object({ id: z.string(), secret: z.string() });

export type AdminAgent = z.infer<typeof adminAgentSchema>;
export type NewAgent = z.output<typeof newAgentBody>;
export type NewAgentInput = z.input<typeof newAgentBody>;
export type AgentChange = z.output<typeof agentChangeBody>;
export type AgentChangeInput = z.input<typeof agentChangeBody>;
export type AdminQueue = z.infer<typeof adminQueueSchema>;
export type QueueChange = z.infer<typeof queueChangeBody>;
export type QueueBotChange = z.infer<typeof queueBotBody>;
export type QueueHoursInput = z.input<typeof queueHoursBody>;
export type ChannelSettingsView = z.infer<typeof channelSettingsViewSchema>;
export type ChannelSettingsInput = z.input<typeof channelSettingsBody>;
