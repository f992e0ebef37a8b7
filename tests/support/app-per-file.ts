// Integration setup file: each test file gets its own database (a copy of the migrated template)
// and its own app on it, so files run in parallel and no test has to reset shared state.
import { afterAll } from 'vitest';
import { startTestApp } from './test-app';

const adminUrl = process.env.TEST_ADMIN_URL;
const template = process.env.TEST_TEMPLATE_DATABASE;
if (!adminUrl || !template) throw new Error('TEST_ADMIN_URL / TEST_TEMPLATE_DATABASE are not set: run the suite with `npm test` (scripts/test.ts)');

const app = await startTestApp({ adminUrl, template });
// Tests (and the second instances some of them start) read the app's URL and database from here.
Object.assign(process.env, app.env, { NODE_ENV: 'test' });
afterAll(() => app.stop());
