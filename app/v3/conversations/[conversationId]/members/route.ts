import { connectorRoute } from '@/lib/channels/connector/http';
import { conversationMembers } from '@/lib/channels/connector/service';
import { json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = connectorRoute<{ conversationId: string }>(async (_request, { conversationId }) => json(await conversationMembers(conversationId)));
