// `prisma generate` first tries to download the native schema engine, which this project never
// runs (migrations are applied by lib/db/migrate.ts). Pointing PRISMA_SCHEMA_ENGINE_BINARY at any
// existing file skips that download; generate itself never executes it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
if (result.status !== 0) process.exit(result.status ?? 1);
