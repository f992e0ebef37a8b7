import { logger } from '../../log/logger';
import { markConnected } from './agent-status';

const BEAT_MS = 20_000;
const GRACE_MS = 60_000;

/**
 * While a console stream is open its agent counts as connected (routing offers only to them);
 * a closed tab stops the heartbeat and the agent drops out of routing within a minute.
 */
export function keepAgentConnected(agentId: string, signal: AbortSignal): void {
  const beat = () =>
    markConnected(agentId, new Date(Date.now() + GRACE_MS)).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not record the console connection'),
    );
  void beat();
  const timer = setInterval(beat, BEAT_MS);
  timer.unref();
  signal.addEventListener('abort', () => clearInterval(timer));
}
