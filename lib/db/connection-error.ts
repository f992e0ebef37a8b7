/**
 * Log fields for a lost or refused database connection. A server that ends connections (a restart,
 * a shutdown, Ctrl-C reaching the embedded server first) is an operational event: its SQLSTATE or
 * socket code and message say all there is, and a parser stack trace would read like a bug.
 */
export function connectionErrorFields(error: unknown): Record<string, unknown> {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (error instanceof Error && typeof code === 'string') return { code, reason: error.message };
  return { err: error };
}
