import { percentile } from './database';

export interface LatencyStats {
  /** Samples that arrived. */
  count: number;
  /** Samples expected but never seen before the deadline. */
  lost: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function latencyStats(samplesMs: number[], expected = samplesMs.length): LatencyStats {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    lost: expected - sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
  };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/** `| name | count | p50 | p99 | max | lost |` */
export const latencyRow = (name: string, stats: LatencyStats) =>
  `| ${name} | ${stats.count} | ${ms(stats.p50Ms)} | ${ms(stats.p99Ms)} | ${ms(stats.maxMs)} | ${stats.lost} |`;

export const LATENCY_HEADER = ['| measured | samples | p50 | p99 | max | lost |', '|---|---|---|---|---|---|'];
