// What the audit log keeps of settings: everything but secrets. A secret's value is never written,
// not even its last characters (entries are kept for years and exported).
const SECRET_KEY = /secret|password|accesskey|token|privatekey|apikey/i;

export const MASKED = '[masked]';

/** A copy of `value` with every field whose name says it is a secret replaced by `[masked]`, at any depth. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      SECRET_KEY.test(key) && field !== null && field !== undefined && typeof field !== 'object' ? MASKED : maskSecrets(field),
    ]),
  );
}
