import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

interface Metrics {
  registry: Registry;
  activitiesReceived: Counter<'channel' | 'duplicate'>;
  agentMessages: Counter;
  openStreams: Gauge;
}

const globalForMetrics = globalThis as unknown as { consoleMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    activitiesReceived: new Counter({
      name: 'console_activities_received_total',
      help: 'Customer activities received, by channel; duplicate="true" for deduplicated replays',
      labelNames: ['channel', 'duplicate'],
      registers: [registry],
    }),
    agentMessages: new Counter({
      name: 'console_agent_messages_total',
      help: 'Messages reps sent',
      registers: [registry],
    }),
    openStreams: new Gauge({
      name: 'console_realtime_streams',
      help: 'Console event streams open on this instance',
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  globalForMetrics.consoleMetrics ??= create();
  return globalForMetrics.consoleMetrics;
}
