import { env } from '../../config/env';
import { logger } from '../../log/logger';
import { markConnected } from './agent-status';

/** Per instance: how many console streams each agent has open, and the one heartbeat they share. */
const store = globalThis as typeof globalThis & { __consoleConnections?: Map<string, { streams: number; timer: NodeJS.Timeout }> };
const connections = (store.__consoleConnections ??= new Map());

function beat(agentId: string, graceMs: number) {
  markConnected(agentId, new Date(Date.now() + graceMs)).catch((error: unknown) =>
    logger.warn({ err: error }, 'could not record the console connection'),
  );
}

/**
 * While a console stream is open its agent counts as connected (routing offers only to them);
 * once their last stream on this instance closes, the heartbeat stops and the agent drops out of
 * routing when the grace (`CONSOLE_GRACE_SECONDS`) runs out. Many tabs of one agent share one
 * heartbeat, three beats per grace period. Returns the function to call when the stream closes.
 */
export function keepAgentConnected(agentId: string): () => void {
  const existing = connections.get(agentId);
  if (existing) existing.streams += 1;
  else {
    const graceMs = env().CONSOLE_GRACE_SECONDS * 1000;
    beat(agentId, graceMs);
    const timer = setInterval(() => beat(agentId, graceMs), graceMs / 3);
    timer.unref();
    connections.set(agentId, { streams: 1, timer });
  }
  let released = false;
  return () => {
    const entry = connections.get(agentId);
    if (released || !entry) return;
    released = true;
    entry.streams -= 1;
    if (entry.streams > 0) return;
    clearInterval(entry.timer);
    connections.delete(agentId);
  };
}
