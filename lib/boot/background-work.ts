// The work an instance does besides answering HTTP: draining the outbox, routing conversations,
// looking after the keys the console signs bots' tokens with, pruning old rows and linking
// conversations to contacts.
import { runSigningKeyUpkeep } from '../bot/key-upkeep-loop';
import type { Env } from '../config/env';
import { runContactLinking } from '../contacts/contact-linking-loop';
import { runRouting } from '../conversations/routing/routing-loop';
import { runOutboxWorker } from '../outbound/run-worker';
import { runPruning } from '../retention/prune-loop';

export async function startBackgroundWork(config: Env, databaseUrl: string): Promise<() => Promise<void>> {
  const stopWorker = config.OUTBOX_WORKER ? await runOutboxWorker(databaseUrl, { concurrency: config.OUTBOX_CONCURRENCY, batchSize: config.OUTBOX_BATCH_SIZE }) : null;
  const stopRouting = config.ROUTING ? runRouting(databaseUrl, config.OFFER_TIMEOUT_SECONDS) : null;
  const stopKeyUpkeep = runSigningKeyUpkeep(config, databaseUrl);
  const stopPruning = config.PRUNE ? runPruning(config, databaseUrl) : null;
  const stopContactLinking = config.CONTACT_LINKING ? runContactLinking(databaseUrl) : null;
  return async () => {
    await Promise.all([stopWorker?.(), stopRouting?.(), stopKeyUpkeep(), stopPruning?.(), stopContactLinking?.()]);
  };
}
