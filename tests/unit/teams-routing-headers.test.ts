import { describe, expect, it } from 'vitest';
import { assertRoutingHeaders } from '@/lib/channels/teams/routing-headers';

const activity = { type: 'message', conversation: { id: 'a:1', tenantId: 't-1' } };

describe('Teams routing headers', () => {
  it('must agree with the body when present', () => {
    expect(() => assertRoutingHeaders(new Headers(), activity)).not.toThrow();
    expect(() => assertRoutingHeaders(new Headers({ 'x-ms-conversation-id': 'a:1', 'x-ms-tenant-id': 't-1' }), activity)).not.toThrow();
    expect(() => assertRoutingHeaders(new Headers({ 'x-ms-conversation-id': 'a:2' }), activity)).toThrow(/x-ms-conversation-id/);
    expect(() => assertRoutingHeaders(new Headers({ 'x-ms-tenant-id': 't-2' }), activity)).toThrow(/x-ms-tenant-id/);
  });
});
