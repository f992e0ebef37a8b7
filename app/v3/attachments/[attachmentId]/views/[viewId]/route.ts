import { attachmentResponse } from '@/lib/attachments/attachment-response';
import { connectorRoute } from '@/lib/channels/connector/http';
import { attachmentViewId } from '@/lib/channels/connector/service';

export const dynamic = 'force-dynamic';

export const GET = connectorRoute<{ attachmentId: string; viewId: string }>(async (_request, { attachmentId, viewId }) =>
  attachmentResponse(await attachmentViewId(attachmentId, viewId)),
);
