// A Playwright spec file that needs a console nobody else has touched (routing offers the
// longest-waiting conversation first, so other specs' waiting customers would come first): its own app
// on its own copy of the template database, used by its pages (baseURL) and its clients (CONSOLE_URL).
import { test as base } from '@playwright/test';
import { startTestApp, type TestApp } from './test-app';
import { adminUrl } from './test-env';

export function testOnOwnApp() {
  let app: TestApp | null = null;
  let sharedEnv: Record<string, string | undefined> = {};
  const test = base.extend({
    baseURL: async ({}, provide) => provide(app?.env.CONSOLE_URL),
  });
  test.beforeAll(async () => {
    const template = process.env.TEST_TEMPLATE_DATABASE;
    if (!template) throw new Error('TEST_TEMPLATE_DATABASE is not set: run the suite with `npm test` (scripts/test.ts)');
    test.setTimeout(120_000);
    app = await startTestApp({ adminUrl: adminUrl(), template });
    sharedEnv = { CONSOLE_URL: process.env.CONSOLE_URL, DATABASE_URL: process.env.DATABASE_URL };
    Object.assign(process.env, { CONSOLE_URL: app.env.CONSOLE_URL, DATABASE_URL: app.env.DATABASE_URL });
  });
  test.afterAll(async () => {
    Object.assign(process.env, sharedEnv);
    await app?.stop();
  });
  return test;
}
