import pino, { type DestinationStream, type Logger } from 'pino';

/** Fields that carry credentials, wherever they sit (top level, one or two levels down, in headers). */
const SECRET_KEYS = ['password', 'token', 'secret', 'client_secret', 'access_token', 'refresh_token', 'id_token', 'authorization', 'cookie', 'apiKey', 'accessKey'];
const REDACT = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ...['authorization', 'cookie', 'set-cookie', 'x-ms-content-sha256'].flatMap((header) => [
    `headers["${header}"]`,
    `*.headers["${header}"]`,
  ]),
];

/** Query parameters that carry credentials in URLs we log (`/api/files/…?token=`, Event Grid's `?code=`). */
const SECRET_QUERY = /([?&](?:code|token|access_token|client_secret|secret|sig|signature|password)=)[^&#\s"']*/gi;

/** A text with the values of credential-bearing query parameters replaced. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET_QUERY, '$1[redacted]');
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth <= 0 || value === null || typeof value !== 'object' || value instanceof Error || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrubValue(inner, depth - 1)]));
}

/** The console's logger; `destination` lets tests capture the output. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'agent-console' },
    redact: { paths: REDACT, censor: '[redacted]' },
    formatters: { log: (object) => scrubValue(object, 3) as Record<string, unknown> },
    serializers: {
      err: (error: unknown) => {
        const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
        return scrubValue(serialized, 2);
      },
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger = createLogger();
