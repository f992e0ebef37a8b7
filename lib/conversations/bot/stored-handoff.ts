// `Conversation.handoff` read and written through its schema (lib/protocol/console/bot.ts).
import type { Prisma } from '../../db/generated/client';
import { handoffSchema, type Handoff } from '../../protocol/console/bot';

export function storedHandoff(value: unknown): Handoff | null {
  const parsed = handoffSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const handoffJson = (handoff: Handoff) => handoff as unknown as Prisma.InputJsonObject;
