import { badRequest } from '../../errors/app-error';
import type { WireActivity } from '../../protocol/activity';

/**
 * Teams names the conversation and tenant in `x-ms-conversation-id` / `x-ms-tenant-id` so a proxy
 * can route without reading the body; when present they must agree with the body.
 */
export function assertRoutingHeaders(headers: Headers, activity: WireActivity): void {
  const conversationId = headers.get('x-ms-conversation-id');
  if (conversationId && conversationId !== activity.conversation?.id) {
    throw badRequest('BadArgument', 'x-ms-conversation-id does not match the activity.');
  }
  const tenantId = headers.get('x-ms-tenant-id');
  const bodyTenant = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  if (tenantId && bodyTenant && tenantId !== bodyTenant) throw badRequest('BadArgument', 'x-ms-tenant-id does not match the activity.');
}
