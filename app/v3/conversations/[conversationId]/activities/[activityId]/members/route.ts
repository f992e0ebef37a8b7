import { connectorRoute } from '@/lib/channels/connector/http';
import { conversationMembers } from '@/lib/channels/connector/service';
import { json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Everyone in the conversation took part in the activity: the console keeps no per-activity audience. */
export const GET = connectorRoute<{ conversationId: string }>(async (_request, { conversationId }) => json(await conversationMembers(conversationId)));
