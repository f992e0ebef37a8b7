import { connectorRoute } from '@/lib/channels/connector/http';
import { attachmentInfo } from '@/lib/channels/connector/service';
import { json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export const GET = connectorRoute<{ attachmentId: string }>(async (_request, { attachmentId }) => json(await attachmentInfo(attachmentId)));
