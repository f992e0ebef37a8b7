/** A goal's verdict in docs/benchmarks.md; an unmet one says what the same run measured beside it. */
export function verdict(met: boolean, reason?: string): string {
  return met ? 'met' : `**not met**${reason ? ` (${reason})` : ''}`;
}
