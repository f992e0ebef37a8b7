import { defineConfig } from 'prisma/config';

// Only the CLI reads this. At run time the app connects through @prisma/adapter-pg (lib/db/client.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/agent_console' },
});
