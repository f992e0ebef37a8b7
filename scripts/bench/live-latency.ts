// Live latency: a Direct Line customer's POST until its text is in a signed-in rep's DOM (Chromium,
// the real console), and, for the breakdown, until it is on a console event stream read by this process.
import { randomBytes } from 'node:crypto';
import { chromium, type Locator, type Page } from '@playwright/test';
import playwrightConfig from '../../playwright.config';
import { createReps, customerSays, REP_PASSWORD, signInRep, startCustomer, type Customer } from './actors';
import { startBenchApp } from './app-process';
import { now, openConsoleStream } from './event-stream-client';
import { LATENCY_HEADER, latencyRow, latencyStats, type LatencyStats } from './latency';
import { readRss, watchRss, type MemoryPhase } from './rss';

export interface LiveLatencyOptions {
  /** Messages sent one every `spacingMs`. */
  spaced: number;
  spacingMs: number;
  /** Messages sent all at once. */
  burst: number;
}

/** From just before the POST until: the app answered it, the event was on a stream, the text was in the DOM. */
export interface LatencyBreakdown {
  answered: LatencyStats;
  stream: LatencyStats;
  dom: LatencyStats;
}

export interface LiveLatencyResult {
  spaced: LatencyBreakdown;
  burst: LatencyBreakdown;
  memory: MemoryPhase;
  markdown: string[];
}

/** Where each marker was first seen, in `now()` milliseconds. */
type Sightings = Map<string, number>;

const DEADLINE_MS = 30_000;

export async function benchLiveLatency(
  databaseUrl: string,
  options: LiveLatencyOptions = { spaced: 200, spacingMs: 75, burst: 50 },
): Promise<LiveLatencyResult> {
  const run = randomBytes(4).toString('hex');
  const [email] = await createReps(databaseUrl, `live-${run}`, 1);
  const app = await startBenchApp(databaseUrl, { ROUTING: '0' });
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const customer = await startCustomer(app.url, `Live Customer ${run}`);
    await customerSays(customer, 'Hello, is anyone there?');
    const page = await browser.newPage({ baseURL: app.url });
    const transcript = await openAsRep(page, email!, customer.user.name);

    const marker = (i: number) => `lb${i}x${run}`;
    const pattern = `lb\\d+x${run}`;
    await watchTranscript(transcript, pattern);
    const onStream: Sightings = new Map();
    const stream = await openConsoleStream(app.url, await signInRep(app.url, email!), (text, at) => {
      for (const [found] of text.matchAll(new RegExp(pattern, 'g'))) if (!onStream.has(found)) onStream.set(found, at);
    });

    // Warm-up (JIT, pools, the first renders): not counted.
    await send(customer, page, Array.from({ length: 10 }, (_, i) => marker(-1 - i)), 0);
    const idleBytes = readRss(app.pid);
    const rss = watchRss(app.pid);
    const spacedMarkers = Array.from({ length: options.spaced }, (_, i) => marker(i));
    const burstMarkers = Array.from({ length: options.burst }, (_, i) => marker(options.spaced + i));
    const spacedSent = await send(customer, page, spacedMarkers, options.spacingMs);
    const burstSent = await send(customer, page, burstMarkers, 0);
    const during = rss.stop();
    stream.close();

    const inDom = await sightingsIn(page);
    const breakdown = ({ sent, answered }: Sends): LatencyBreakdown => ({
      answered: latencies(sent, answered),
      stream: latencies(sent, onStream),
      dom: latencies(sent, inDom),
    });
    const result = {
      spaced: breakdown(spacedSent),
      burst: breakdown(burstSent),
      memory: { phase: 'live latency (1 rep in Chromium)', idleBytes, during },
    };
    return { ...result, markdown: markdown(options, result) };
  } finally {
    await browser.close();
    await app.stop();
  }
}

/** Signs the rep in on the real sign-in page, opens the customer's conversation and accepts it. */
async function openAsRep(page: Page, email: string, customerName: string): Promise<Locator> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(REP_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Live', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Unassigned' }).click();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(customerName) }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await page.getByRole('button', { name: 'Accept' }).waitFor({ state: 'detached' });
  const transcript = page.getByRole('log', { name: 'Transcript' });
  await transcript.waitFor();
  return transcript;
}

/** Records in the page, per marker, when its text first entered the transcript's DOM. */
async function watchTranscript(transcript: Locator, pattern: string): Promise<void> {
  // No named helpers inside: the function is sent to the page as source, without tsx's `__name`.
  await transcript.evaluate((log, source) => {
    const seen = new Map<string, number>();
    (window as unknown as { benchSeen: Map<string, number> }).benchSeen = seen;
    new MutationObserver((records) => {
      const at = performance.timeOrigin + performance.now();
      const texts = records.flatMap((record) =>
        record.type === 'characterData' ? [record.target.textContent] : [...record.addedNodes].map((node) => node.textContent),
      );
      for (const text of texts) {
        for (const [found] of (text ?? '').matchAll(new RegExp(source, 'g'))) if (!seen.has(found)) seen.set(found, at);
      }
    }).observe(log, { childList: true, subtree: true, characterData: true });
  }, pattern);
}

const sightingsIn = async (page: Page): Promise<Sightings> =>
  new Map(await page.evaluate(() => [...(window as unknown as { benchSeen: Map<string, number> }).benchSeen]));

/** Per marker: when its POST was about to be sent, and when the app answered it. */
interface Sends {
  sent: Sightings;
  answered: Sightings;
}

/**
 * Posts one message per marker, `spacingMs` apart (0: all at once), then waits until the page has
 * seen them all or the deadline passed.
 */
async function send(customer: Customer, page: Page, markers: string[], spacingMs: number): Promise<Sends> {
  const sent: Sightings = new Map();
  const answered: Sightings = new Map();
  const posts: Promise<void>[] = [];
  const start = now();
  for (const [i, marker] of markers.entries()) {
    const wait = start + i * spacingMs - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sent.set(marker, now());
    posts.push(customerSays(customer, `Live latency message ${marker}`).then(() => void answered.set(marker, now())));
  }
  await Promise.all(posts);
  const deadline = now() + DEADLINE_MS;
  while (now() < deadline) {
    const seen = await sightingsIn(page);
    if (markers.every((marker) => seen.has(marker))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { sent, answered };
}

function latencies(sent: Map<string, number>, seen: Sightings): LatencyStats {
  const samples = [...sent].flatMap(([marker, at]) => (seen.has(marker) ? [seen.get(marker)! - at] : []));
  return latencyStats(samples, sent.size);
}

function markdown(options: LiveLatencyOptions, result: Omit<LiveLatencyResult, 'markdown'>): string[] {
  return [
    '## Live latency: customer POST → rendered in a rep’s Chromium',
    '',
    'One rep signed in on the real sign-in page of the production build, with the customer’s Direct Line',
    'conversation open and accepted. Each message is timed from just before its POST to when its text',
    'entered the transcript’s DOM (a MutationObserver in the page, `performance.timeOrigin + now()`,',
    'the same clock as this process). “on the stream” times the same messages on a console event stream',
    'of the same rep read by this process; “POST answered” when the app answered the customer.',
    `${options.spaced} messages ${options.spacingMs} ms apart, then a burst of ${options.burst} sent at once.`,
    '',
    ...LATENCY_HEADER,
    ...(['spaced', 'burst'] as const).flatMap((kind) => [
      latencyRow(`${kind}: POST answered`, result[kind].answered),
      latencyRow(`${kind}: on the stream`, result[kind].stream),
      latencyRow(`**${kind}: in the DOM**`, result[kind].dom),
    ]),
    '',
    'Goal: p50 ≤ 50 ms, p99 ≤ 250 ms.',
    '',
  ];
}
