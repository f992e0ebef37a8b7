// `npm run seed:load`: 1M conversations and 20M activities (issue #9) for the scale benchmark.
//   --conversations N --activities-per-conversation A --span-days D --batch B   (or LOAD_CONVERSATIONS,
//   LOAD_ACTIVITIES_PER_CONVERSATION, LOAD_SPAN_DAYS); DATABASE_URL, else a database of its own per size on the
//   embedded benchmark server. Stopped midway, it resumes where it was.
import { parseArgs } from 'node:util';
import { openLoadDatabase } from './load/database';
import { ISSUE_SIZE, seedLoad, type LoadSize } from './load/seed';

function sizeFromArgs(): { size: LoadSize; batch: number } {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string' },
      'activities-per-conversation': { type: 'string' },
      batch: { type: 'string' },
      'span-days': { type: 'string' },
    },
  });
  const number = (value: string | undefined, fallback: number, name: string) => {
    const parsed = Number(value ?? fallback);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, not ${value}`);
    return parsed;
  };
  return {
    size: {
      conversations: number(values.conversations ?? process.env.LOAD_CONVERSATIONS, ISSUE_SIZE.conversations, '--conversations'),
      activitiesPerConversation: number(
        values['activities-per-conversation'] ?? process.env.LOAD_ACTIVITIES_PER_CONVERSATION,
        ISSUE_SIZE.activitiesPerConversation,
        '--activities-per-conversation',
      ),
      spanDays: number(values['span-days'] ?? process.env.LOAD_SPAN_DAYS, ISSUE_SIZE.spanDays, '--span-days'),
    },
    batch: number(values.batch, 50_000, '--batch'),
  };
}

async function main() {
  const { size, batch } = sizeFromArgs();
  const database = await openLoadDatabase(size);
  try {
    const where = new URL(database.url);
    console.log(`seeding ${size.conversations.toLocaleString('en')} conversations × ${size.activitiesPerConversation} activities over ${size.spanDays} days into ${where.host}${where.pathname}`);
    const result = await seedLoad(database.url, size, { batch, log: (line) => console.log(line) });
    const what = `${result.conversations.toLocaleString('en')} conversations, ${result.activities.toLocaleString('en')} activities`;
    console.log(result.alreadyLoaded ? `already loaded: ${what} (seeded in ${Math.round(result.seconds)} s)` : `done: ${what} in ${Math.round(result.seconds)} s`);
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
