import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { statusOf } from '@/lib/http/error-status';

beforeAll(() => {
  // Read once by the configuration, before the module first looks.
  process.env.EVENTGRID_SECRET = 'grid-secret-123';
});

describe('Event Grid deliveries', () => {
  it('require the code when EVENTGRID_SECRET is set', async () => {
    const { assertEventGridCode } = await import('@/lib/channels/whatsapp/eventgrid');
    expect(() => assertEventGridCode('https://console.test/api/eventgrid/acs?code=grid-secret-123')).not.toThrow();
    for (const url of ['https://console.test/api/eventgrid/acs', 'https://console.test/api/eventgrid/acs?code=wrong']) {
      let status = 0;
      try {
        assertEventGridCode(url);
      } catch (error) {
        status = statusOf((error as AppError).code);
      }
      expect(status).toBe(401);
    }
  });

  it('normalise both schemas and refuse a bad envelope', async () => {
    const { parseDelivery, validationAnswer } = await import('@/lib/channels/whatsapp/eventgrid');
    const grid = { id: 'e1', eventType: 'T', data: { a: 1 } };
    const cloud = { id: 'c1', type: 'T', source: '/s', specversion: '1.0', data: { b: 2 } };
    expect(parseDelivery([grid, cloud])).toEqual([
      { id: 'e1', type: 'T', data: { a: 1 } },
      { id: 'c1', type: 'T', data: { b: 2 } },
    ]);
    expect(parseDelivery(cloud)).toHaveLength(1);
    expect(() => parseDelivery([{ eventType: 'T' }])).toThrow(AppError);
    expect(() => parseDelivery([{ ...cloud, specversion: '0.3' }])).toThrow(AppError);
    expect(validationAnswer(parseDelivery([{ id: 'v', eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent', data: { validationCode: 'x' } }]))).toEqual({ validationResponse: 'x' });
  });
});
