/**
 * Calls with the same key while one is under way share its promise: when thousands of console
 * streams reconnect at once (an instance restarted), they ask the same few questions (the events
 * after the same id, the same rep's session), and each is read from the database once.
 */
export function sharedInFlight<R>(read: (key: string) => Promise<R>): (key: string) => Promise<R> {
  const pending = new Map<string, Promise<R>>();
  return (key) => {
    let result = pending.get(key);
    if (!result) {
      result = read(key).finally(() => pending.delete(key));
      pending.set(key, result);
    }
    return result;
  };
}
