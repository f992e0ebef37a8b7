// Resident memory of a process, read from /proc (Linux), sampled while a benchmark phase runs.
import { readFileSync } from 'node:fs';
import { percentile } from './database';

export const MIB = 2 ** 20;

/** VmRSS of `pid` in bytes. */
export function readRss(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

export interface RssSummary {
  samples: number;
  p50Bytes: number;
  peakBytes: number;
}

export interface RssWatch {
  /** Stops sampling (one last sample first) and summarises. */
  stop(): RssSummary;
}

/** Samples `pid`'s RSS every `intervalMs` until `stop()`; a process that has exited ends the sampling. */
export function watchRss(pid: number, intervalMs = 200): RssWatch {
  const samples: number[] = [];
  const sample = () => {
    try {
      samples.push(readRss(pid));
    } catch {
      clearInterval(timer);
    }
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop() {
      sample();
      clearInterval(timer);
      const sorted = [...samples].sort((a, b) => a - b);
      return { samples: sorted.length, p50Bytes: percentile(sorted, 50), peakBytes: sorted.at(-1) ?? 0 };
    },
  };
}

export const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;

/** One phase's server memory: at rest before the load, and sampled during it. */
export interface MemoryPhase {
  phase: string;
  idleBytes: number;
  during: RssSummary;
}

export function memoryMarkdown(phases: MemoryPhase[]): string[] {
  return [
    '## Server memory under load',
    '',
    'VmRSS of the app process (`/proc/<pid>/status`), idle after start-up and warm-up, then sampled every 200 ms during each phase.',
    '',
    '| phase | idle | p50 during | peak during | samples |',
    '|---|---|---|---|---|',
    ...phases.map((p) => `| ${p.phase} | ${mib(p.idleBytes)} | ${mib(p.during.p50Bytes)} | ${mib(p.during.peakBytes)} | ${p.during.samples} |`),
    '',
  ];
}
