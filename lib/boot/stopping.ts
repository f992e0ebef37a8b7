// Set once the process has been asked to stop. Connections lost from then on are expected, not worth
// a warning: an external PostgreSQL stopped by the same operator command (a container stop, a
// systemd target) may go before the app has stopped its own parts.
const store = globalThis as typeof globalThis & { __consoleStopping?: boolean };

export function markStopping(): void {
  store.__consoleStopping = true;
}

export function isStopping(): boolean {
  return store.__consoleStopping === true;
}
