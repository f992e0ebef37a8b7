// Set once the process has been asked to stop. Connections lost from then on are expected, not worth
// a warning: Ctrl-C in a terminal reaches the embedded PostgreSQL too (same process group), and it
// shuts down at once while the app is still stopping its own parts.
const store = globalThis as typeof globalThis & { __consoleStopping?: boolean };

export function markStopping(): void {
  store.__consoleStopping = true;
}

export function isStopping(): boolean {
  return store.__consoleStopping === true;
}
