// Integration setup file: each test file takes an app of its own from the run's pool
// (tests/support/app-pool.ts), on its own database (a copy of the migrated template), so files run in
// parallel and no test has to reset shared state.
import { afterAll, inject } from 'vitest';

const pool = inject('appPoolUrl');
const answer = await fetch(`${pool}/take`, { method: 'POST' });
const taken = (await answer.json()) as { id?: string; env?: NodeJS.ProcessEnv; error?: string };
if (!answer.ok || !taken.id || !taken.env) throw new Error(`no test app for this file: ${taken.error ?? answer.status}`);
// Tests (and the second instances some of them start) read the app's URL and database from here.
Object.assign(process.env, taken.env, { NODE_ENV: 'test' });
afterAll(() => fetch(`${pool}/release/${taken.id}`, { method: 'POST' }).then((response) => response.body?.cancel()));
