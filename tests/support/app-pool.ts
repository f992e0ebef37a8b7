// Integration global setup: a pool of test apps (tests/support/test-app.ts), each on its own copy of
// the template database. Every test file takes one app of its own and gives it back when it ends
// (tests/support/app-per-file.ts). The pool boots the next apps while files run, so a file finds its
// app ready instead of waiting the few seconds a Next.js boot takes.
import { createServer, type Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { startTestApp, type TestApp } from './test-app';

declare module 'vitest' {
  export interface ProvidedContext {
    appPoolUrl: string;
  }
}

/** How many files the run will take apps for (scripts/test.ts counts them), and how many run at once. */
const expected = Number(process.env.TEST_INTEGRATION_FILES ?? '1');
const spares = Number(process.env.TEST_WORKERS ?? '2');

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_ADMIN_URL;
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!adminUrl || !template) throw new Error('TEST_ADMIN_URL / TEST_TEMPLATE_DATABASE are not set: run the suite with `npm test` (scripts/test.ts)');

  const booting: Promise<TestApp>[] = [];
  const taken = new Map<string, TestApp>();
  let handedOut = 0;
  let nextId = 1;

  const boot = () => {
    // Once more on a failed start: the free port it picked may be taken before the app listens
    // (EADDRINUSE while other apps and fakes start); a real start-up bug fails twice.
    const app = startTestApp({ adminUrl, template }).catch(() => startTestApp({ adminUrl, template }));
    app.catch(() => {}); // reported to the file that takes it
    booting.push(app);
  };
  const topUp = () => {
    while (booting.length < Math.min(spares, expected - handedOut)) boot();
  };

  async function take(): Promise<{ id: string; env: NodeJS.ProcessEnv }> {
    if (booting.length === 0) boot();
    const next = booting.shift()!;
    handedOut += 1;
    topUp();
    const app = await next;
    const id = String(nextId++);
    taken.set(id, app);
    return { id, env: app.env };
  }

  const server: Server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const release = /^\/release\/(\d+)$/.exec(request.url ?? '')?.[1];
    if (request.method === 'POST' && request.url === '/take') {
      take().then(
        (app) => answer(200, app),
        (error: Error) => answer(500, { error: error.message }),
      );
    } else if (request.method === 'POST' && release !== undefined) {
      const app = taken.get(release);
      taken.delete(release);
      (app ? app.stop() : Promise.resolve()).then(() => answer(200, {}));
    } else {
      answer(404, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the app pool has no port');
  project.provide('appPoolUrl', `http://127.0.0.1:${address.port}`);
  topUp();

  return async () => {
    server.close();
    const left = await Promise.allSettled(booting);
    await Promise.all([
      ...[...taken.values()].map((app) => app.stop()),
      ...left.flatMap((result) => (result.status === 'fulfilled' ? [result.value.stop()] : [])),
    ]);
  };
}
