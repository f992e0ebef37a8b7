// After `npm install`/`npm ci`: generate the Prisma client, and put the official Web Chat browser
// bundle where the /demo page loads it from (public/vendor, not committed).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The package's exports map hides dist/webchat.js; walk up from its main entry to the package folder.
let folder = path.dirname(require.resolve('botframework-webchat'));
while (!existsSync(path.join(folder, 'package.json'))) folder = path.dirname(folder);
const webChat = path.join(folder, 'dist', 'webchat.js');
mkdirSync('public/vendor', { recursive: true });
copyFileSync(webChat, 'public/vendor/webchat.js');

await import('./prisma-generate.mjs');
