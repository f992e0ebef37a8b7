/** Values scripts/test.ts hands to every test process. */
export const TEST_DIRECTLINE_SECRET = 'test-directline-secret';
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef0123456789';

export function baseUrl(): string {
  const url = process.env.CONSOLE_URL;
  if (!url) throw new Error('CONSOLE_URL is not set: run the suite with `npm test` (scripts/test.ts)');
  return url;
}

export function adminUrl(): string {
  const url = process.env.TEST_ADMIN_URL;
  if (!url) throw new Error('TEST_ADMIN_URL is not set: run the suite with `npm test` (scripts/test.ts)');
  return url;
}
