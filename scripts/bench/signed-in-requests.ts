// A signed-in console user's requests over HTTP, timed one at a time (the scale benchmarks).
import { LOAD_PASSWORD } from '../load/seed';
import { percentile } from './database';

export const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 200);

export interface Timing {
  p50: number;
  p95: number;
  p99: number;
}

export class Rep {
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, email: string): Promise<Rep> {
    const response = await fetch(`${baseUrl}/api/console/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: LOAD_PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
    return new Rep(baseUrl, response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** Milliseconds per request over `SAMPLES` requests (after a warm-up), cycling through `paths`; null without paths. */
export async function time(rep: Rep, paths: string[]): Promise<Timing | null> {
  if (paths.length === 0) return null;
  for (let i = 0; i < Math.min(20, SAMPLES); i++) await rep.get(paths[i % paths.length]!);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await rep.get(paths[i % paths.length]!);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}
