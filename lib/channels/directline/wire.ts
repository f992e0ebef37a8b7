// Stored activities → the Direct Line wire shape clients read.
import { signedAttachmentUrl } from '../../attachments/signed-url';
import { SURVEY_KEY } from '../../protocol/survey';
import type { Activity, Attachment } from '../../db/generated/client';
import type { WireActivity } from '../../protocol/activity';
import { withConsoleContent } from '../../protocol/console-content';
import { channelCardsOf } from '../../protocol/rich-content';

export const CHANNEL_ID = 'directline';

/** Activities a Direct Line client sees: everything the customer and the rep side said, no internal notes. */
export function isCustomerVisible(row: Pick<Activity, 'direction'>): boolean {
  return row.direction !== 'internal';
}

export type StoredActivity = Activity & { attachments: Pick<Attachment, 'id' | 'name' | 'contentType'>[] };

export async function toWireActivity(row: StoredActivity): Promise<WireActivity> {
  // What the console noted while receiving it (and the survey's texts, kept for other channels) is for the console only.
  const raw = { ...withConsoleContent((row.raw ?? {}) as Record<string, unknown>, undefined) };
  delete raw[SURVEY_KEY];
  const from = (raw.from as WireActivity['from']) ?? { id: row.fromId ?? undefined, name: row.fromName ?? undefined };
  return {
    ...raw,
    type: row.type,
    id: row.id,
    channelId: CHANNEL_ID,
    timestamp: row.createdAt.toISOString(),
    conversation: { id: row.conversationId },
    from: row.direction === 'outbound' ? { ...from, role: 'bot' } : from,
    // Stored files are served by us behind freshly signed links, whoever sent them; cards travel inline.
    ...(row.attachments.length > 0 && {
      attachments: [
        ...(channelCardsOf(raw) as NonNullable<WireActivity['attachments']>),
        ...(await Promise.all(
          row.attachments.map(async (file) => ({
            contentType: file.contentType,
            contentUrl: await signedAttachmentUrl(file.id),
            ...(file.name && { name: file.name }),
          })),
        )),
      ],
    }),
  };
}

export function watermarkOf(seq: number): string {
  return String(seq);
}
