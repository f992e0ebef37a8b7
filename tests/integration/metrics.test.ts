import { describe, expect, it } from 'vitest';
import { customerSays, startDirectLine } from '../support/clients';
import { baseUrl } from '../support/test-env';

describe('metrics', () => {
  const scrape = async () => {
    const response = await fetch(`${baseUrl()}/api/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const statementsCounted = (text: string) => Number(/^console_ingest_statement_activities_count (\d+)/m.exec(text)?.[1]);

  it('expose what operations alert on: outbox backlog, failures, queue depth and longest wait', async () => {
    const user = { id: `metrics-${Date.now()}`, name: 'Metrics Customer' };
    await customerSays(await startDirectLine(user), 'waiting', user);
    const text = await scrape();
    for (const name of ['console_outbox_pending', 'console_outbox_oldest_pending_seconds', 'console_deliveries_failed_last_hour', 'console_realtime_streams']) {
      expect(text).toMatch(new RegExp(`^${name} \\d`, 'm'));
    }
    expect(Number(/^console_queue_waiting\{queue="General"\} (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^console_queue_longest_wait_seconds\{queue="General"\} ([\d.]+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(0);
  });

  it('count the activities each ingest statement stored', async () => {
    const before = statementsCounted(await scrape());
    const user = { id: `metrics-ingest-${Date.now()}`, name: 'Ingest Customer' };
    await customerSays(await startDirectLine(user), 'counted', user);
    const text = await scrape();
    expect(statementsCounted(text)).toBeGreaterThan(before);
    expect(Number(/^console_ingest_statement_activities_bucket\{le="64"\} (\d+)/m.exec(text)?.[1])).toBe(statementsCounted(text));
  });
});
