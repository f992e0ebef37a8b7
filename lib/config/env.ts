// Every environment variable the console reads, parsed once with zod. A bad or missing value
// stops start-up with one message naming each offending variable.
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => ['1', 'true', 'yes'].includes(value));

const list = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DEMO_ACCOUNTS: flag.optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Encrypts channel secrets at rest: 32 bytes, base64. Derived from SESSION_SECRET when unset. */
  SECRETS_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  DIRECTLINE_SECRETS: list.optional(),
  DIRECTLINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  CUSTOM_CHANNEL_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  CUSTOM_CHANNEL_TOKEN: z.string().min(1).optional(),
  CUSTOM_CHANNEL_TOKEN_URL: z.url({ protocol: /^https?$/ }).optional(),
  CUSTOM_CHANNEL_CLIENT_ID: z.string().min(1).optional(),
  CUSTOM_CHANNEL_CLIENT_SECRET: z.string().min(1).optional(),
  CUSTOM_CHANNEL_SCOPE: z.string().min(1).optional(),
  BOT_APP_ID: z.string().min(1).optional(),
  BOT_APP_PASSWORD: z.string().min(1).optional(),
  BOT_TOKEN_URL: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token'),
  BOT_TOKEN_SCOPE: z.string().min(1).default('https://api.botframework.com/.default'),
  CHANNEL_JWKS_URL: z.url({ protocol: /^https?$/ }).default('https://login.botframework.com/v1/.well-known/keys'),
  CHANNEL_ISSUER: z.string().min(1).default('https://api.botframework.com'),
  BOT_GCC_SERVICE_URL: z.url({ protocol: /^https?$/ }).default('https://smba.infra.gcc.teams.microsoft.com/'),
  CONNECTOR_TOKENS: list.optional(),
  CONNECTOR_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  CONNECTOR_AUDIENCE: z.string().min(1).optional(),
  CONNECTOR_ISSUER: z.string().min(1).optional(),
  EVENTGRID_SECRET: z.string().min(8).optional(),
  ACS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  ACS_ACCESS_KEY: z.string().min(1).optional(),
  ACS_CHANNEL_ID: z.string().min(1).optional(),
  /** The console as a bot's channel (lib/bot): a new signing key is published this long before it signs.
   * Bots refetch the keys for an unknown kid at most hourly (botbuilder-js), so keep it at 3600 or more. */
  BOT_KEY_PREPUBLISH_SECONDS: z.coerce.number().int().min(0).max(30 * 86_400).default(3600),
  /** The signing key is rotated automatically when it has signed this many days. */
  BOT_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** A bot answers customers first (issue 19): its messaging endpoint and Microsoft app id, both or neither. */
  AGENT_BOT_ENDPOINT: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  AGENT_BOT_APP_ID: z.string().trim().min(1).max(200).optional(),
  /** A bot's handoff no rep took within this long tells the bot `failed` (the conversation stays queued). */
  HANDOFF_WAIT_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** A conversation the bot holds with no activity this long closes (a bot-only resolution). */
  BOT_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
  OUTBOX_WORKER: flag.default(true),
  /** Outbox transactions in flight per worker (one database connection each). */
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Deliveries one outbox transaction claims, sends in parallel and records together. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(16),
  /** Routing: offer waiting conversations to available agents (run it on at least one instance). */
  ROUTING: flag.default(true),
  /** Link conversations to contacts once their customer becomes known (run it on at least one instance). */
  CONTACT_LINKING: flag.default(true),
  /** How long an agent has to take a routing offer, a transfer or a consult request. */
  OFFER_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  /** How long a rep counts as connected after their console's last heartbeat: past it, routing skips
   * them, transfers and consults to them fail, and their conversations hear `AgentDisconnected`. */
  CONSOLE_GRACE_SECONDS: z.coerce.number().int().min(3).max(600).default(60),
  /** Reports' service level: the share of episodes accepted within this many seconds of entering the queue. */
  REPORT_SERVICE_LEVEL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(20),
  /** The CSV export streams a period's episodes, reading this many at a time. */
  REPORT_EXPORT_PAGE_ROWS: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** Bounded tables (lib/retention, docs/operations.md "Retention"): the worker prunes on every instance. */
  PRUNE: flag.default(true),
  PRUNE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Rows per DELETE statement, and the pause between two statements, so pruning never holds ingest up. */
  PRUNE_BATCH_ROWS: z.coerce.number().int().min(100).max(50_000).default(5000),
  PRUNE_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(100),
  /** The realtime event log: streams resume within it (reports read episodes, not events). */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /** Sent (succeeded) outbox deliveries and their attempt log; failed ones stay until retried. */
  DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  /** Applied Event Grid event ids: Event Grid redelivers for up to 24 h, so never less than 2 days. */
  PROCESSED_EVENT_RETENTION_DAYS: z.coerce.number().int().min(2).max(3650).default(3),
  /** Channel events the console could not use (RejectedEvent), kept for operators to look at. */
  REJECTED_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * Delivery reports that overtook their send's answer (PendingDeliveryStatus). The answer is recorded
   * in the worker transaction that sent it (at most 90 s) and a resend gets a new id, so an unclaimed
   * report older than a day never will be: it is for a send that failed or that the console did not make.
   */
  EARLY_STATUS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(1),
  /** Closed conversations older than this are erased (lib/erasure) unless their queue says otherwise; unset: kept forever. */
  CONVERSATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /** Conversations erased per transaction by the retention pass (each batch pauses PRUNE_PAUSE_MS after it). */
  RETENTION_ERASE_BATCH: z.coerce.number().int().min(1).max(500).default(20),
  ATTACHMENT_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(86_400),
  /**
   * Inbound media (pictures and files customers send by URL) is never fetched from private, loopback
   * or link-local addresses, except these (addresses or CIDR ranges, comma-separated).
   */
  MEDIA_FETCH_ALLOW_PRIVATE: list.default([]),
  /** How long fetching an activity's media may take in all, before the activity is stored without it. */
  MEDIA_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Per-caller rate limits on the inbound endpoints (Direct Line, channels, Event Grid, sign-in). */
  RATE_LIMIT: flag.default(true),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  /** How often each instance sends its counted requests to the shared counters (ms). */
  RATE_LIMIT_FLUSH_MS: z.coerce.number().int().min(1).max(5000).default(50),
  /** Behind a reverse proxy: take the caller's address from `X-Forwarded-For`. */
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

const envChecks = envSchema.superRefine((config, context) => {
  const oauth = [config.CUSTOM_CHANNEL_TOKEN_URL, config.CUSTOM_CHANNEL_CLIENT_ID, config.CUSTOM_CHANNEL_CLIENT_SECRET];
  if (oauth.some(Boolean) && !oauth.every(Boolean)) {
    for (const [name, value] of [
      ['CUSTOM_CHANNEL_TOKEN_URL', config.CUSTOM_CHANNEL_TOKEN_URL],
      ['CUSTOM_CHANNEL_CLIENT_ID', config.CUSTOM_CHANNEL_CLIENT_ID],
      ['CUSTOM_CHANNEL_CLIENT_SECRET', config.CUSTOM_CHANNEL_CLIENT_SECRET],
    ] as const) {
      if (!value) context.addIssue({ code: 'custom', path: [name], message: 'required with the other CUSTOM_CHANNEL OAuth settings' });
    }
  }
  if (Boolean(config.AGENT_BOT_ENDPOINT) !== Boolean(config.AGENT_BOT_APP_ID)) {
    const missing = config.AGENT_BOT_ENDPOINT ? 'AGENT_BOT_APP_ID' : 'AGENT_BOT_ENDPOINT';
    context.addIssue({ code: 'custom', path: [missing], message: 'required with the other AGENT_BOT setting' });
  }
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envChecks.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}

let cached: Env | undefined;

/** The parsed environment of this process. The start script fills in derived values before first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again (the start script sets DATABASE_URL and others once the database is up). */
export function reloadEnv(): Env {
  cached = parseEnv(process.env);
  return cached;
}

export function publicUrl(config: Env = env()): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

export function databaseUrl(config: Env = env()): string {
  if (!config.DATABASE_URL) throw new ConfigError(['DATABASE_URL: not set (the start script sets it for the embedded database)']);
  return config.DATABASE_URL;
}

export function sessionSecret(config: Env = env()): string {
  if (!config.SESSION_SECRET) throw new ConfigError(['SESSION_SECRET: not set (the start script generates one under DATA_DIR)']);
  return config.SESSION_SECRET;
}
