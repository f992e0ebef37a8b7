// A connection of its own that LISTENs on one channel (the realtime hub, outbox workers). What to do
// when it is lost (reconnect, catch up) is the caller's: `lost` names the listener that was lost,
// so a caller can tell it from the one that replaced it.
import pg from 'pg';

export interface Listening {
  end(): Promise<void>;
}

export interface ListenEvents {
  notification(): void;
  /** The connection failed (`error`) or ended; may be called more than once. */
  lost(listener: Listening, error?: Error): void;
}

export async function listen(connectionString: string, channel: string, events: ListenEvents): Promise<Listening> {
  const client = new pg.Client({ connectionString });
  const listener: Listening = { end: () => client.end() };
  client.on('notification', () => events.notification());
  client.on('error', (error) => events.lost(listener, error));
  client.on('end', () => events.lost(listener));
  await client.connect();
  await client.query(`LISTEN ${channel}`);
  return listener;
}
