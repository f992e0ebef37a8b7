// The console contract (lib/protocol/console) and the routes under app/api/console hold each other:
// every route is in the table and every table entry is a route; each handler parses and answers
// through its entry; no console type is defined a second time anywhere else.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleApi, type Endpoint } from '@/lib/protocol/console';

const root = path.resolve(import.meta.dirname, '../..');
const consoleRoutes = path.join(root, 'app/api/console');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === 'route.ts' ? [full] : [];
  });
}

/** `app/api/console/conversations/[id]/route.ts` → `/api/console/conversations/:id`. */
const routePath = (file: string) =>
  '/' + path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep).map((part) => part.replace(/^\[(\w+)\]$/, ':$1')).join('/');

const routes = routeFiles(consoleRoutes).map((file) => {
  const text = readFileSync(file, 'utf8');
  const methods = METHODS.filter((method) => new RegExp(`export const ${method}\\b`).test(text));
  return { file: path.relative(root, file), path: routePath(file), methods, text };
});
const entries = Object.entries(consoleApi) as [string, Endpoint][];

describe('the console contract', () => {
  it('has one entry for every method of every route under app/api/console, and no other', () => {
    const served = routes.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)).sort();
    const described = entries.map(([, entry]) => `${entry.method} ${entry.path}`).sort();
    expect(routes.length).toBeGreaterThan(30);
    expect(described).toEqual(served);
  });

  it('is what each route handler parses its input with and types its answer by', () => {
    for (const [name, entry] of entries) {
      if (entry.response === 'bytes') continue; // a file's bytes: nothing to parse, no JSON to type
      const route = routes.find((candidate) => candidate.path === entry.path);
      expect(route?.text, `${name}: ${entry.path}`).toContain(`consoleApi.${name}`);
      if (entry.body && entry.body !== 'bytes' && name !== 'saveChannelSettings') expect(route?.text, name).toContain(`consoleApi.${name}.body`);
      if (entry.query) expect(route?.text, name).toMatch(new RegExp(`readQuery\\(request, consoleApi\\.${name}\\)`));
    }
  });

  it('leaves no request schema in a route file', () => {
    for (const route of routes) expect(route.text, route.file).not.toMatch(/\bz\.(object|union|enum|array|string|number)\(/);
  });

  it('defines each console type once: in lib/protocol/console', () => {
    const names = ['ConversationSummary', 'ActivityView', 'AgentView', 'AgentStatusView', 'OfferView', 'ConsoleEvent', 'StreamedEvent', 'TransferInput',
      'SendInput', 'SendMessageInput', 'InboxFilter', 'ConversationPage', 'TranscriptPage', 'AdminAgent', 'AdminAgentView', 'AdminQueue', 'AdminQueueView',
      'ChannelSettingsView', 'TemplateMessage', 'AttachmentView', 'StoredAttachment', 'NewAgent', 'AgentChange', 'DirectoryView', 'SupervisorOverview'];
    const list = names.join('|');
    // `interface X …` or `type X = …` (an import's `type X,` is not a definition).
    const definition = new RegExp(`^\\s*(export\\s+)?(interface\\s+(${list})\\b|type\\s+(${list})\\b\\s*(<[^=]*>)?\\s*=)`, 'm');
    const sources = ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(path.join(root, dir)));
    const offenders = sources
      .filter((file) => !file.includes(`${path.sep}lib${path.sep}protocol${path.sep}console${path.sep}`))
      .filter((file) => definition.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}
