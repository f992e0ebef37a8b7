import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Imports flow one way: app → components → lib; lib/protocol depends on nothing of ours;
// browser code never imports server modules, and domain code never imports UI or routes.
const layers = {
  files: ['**/*.{ts,tsx}'],
  rules: {
    'import/no-cycle': 'error',
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          { target: './lib', from: ['./app', './components'], message: 'lib must not depend on app or components' },
          { target: './components', from: './app', message: 'components must not depend on app' },
          {
            target: './lib/protocol',
            from: './lib',
            except: ['./protocol'],
            message: 'lib/protocol holds wire schemas only and imports nothing of ours',
          },
          {
            target: './lib/shared',
            from: './lib',
            except: ['./shared'],
            message: 'lib/shared is pure code for server and browser alike and imports nothing else of ours',
          },
          {
            target: ['./lib/activities', './lib/conversations', './lib/outbound'],
            from: './lib/channels',
            except: ['./registry.ts', './adapter.ts'],
            message: 'the domain and the outbox reach channels only through lib/channels/registry.ts (one adapter per channel kind)',
          },
          {
            target: './components',
            from: './lib',
            // lib/protocol/console is the console contract (decision 008): pure zod schemas, imported
            // by the browser to type its calls and check answers. The rest of lib/protocol stays server-side.
            except: ['./views/types.ts', './shared', './i18n/locales.ts', './protocol/console'],
            message: 'browser code talks to the server through /api/console only; share types via lib/views/types.ts or lib/protocol/console, pure rules via lib/shared',
          },
        ],
      },
    ],
  },
};

// SQL in one place (decision 012): statements live in lib/db/sql (Kysely over the table types
// generated from prisma/schema.prisma); only lib/db and the ingest path of decision 005 reach the
// connection pool, a `pg` connection or Prisma's raw SQL. Tests and scripts (bench, load, the test
// runner) talk to the database directly.
const SQL_MESSAGE = 'SQL lives in lib/db/sql (decision 012): call or add a query function there';
const sqlInOnePlace = {
  files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
  ignores: ['lib/db/**', 'lib/activities/receive-activities-sql.ts', 'lib/activities/receive-customer-activity.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: 'MemberExpression[property.name=/^\\$(queryRaw|executeRaw)/]', message: SQL_MESSAGE },
      { selector: "CallExpression[callee.property.name='query']", message: SQL_MESSAGE },
    ],
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'pg', allowTypeImports: true, message: SQL_MESSAGE },
          { name: 'kysely', allowTypeImports: true, message: SQL_MESSAGE },
        ],
        patterns: [
          { group: ['**/db/client', '@/lib/db/client'], importNames: ['sqlPool'], message: SQL_MESSAGE },
          { group: ['**/db/sql/query', '@/lib/db/sql/query'], message: SQL_MESSAGE },
        ],
      },
    ],
  },
};

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'lib/db/generated/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'public/vendor/**'] },
  ...nextVitals,
  ...nextTs,
  layers,
  sqlInOnePlace,
];

export default config;
