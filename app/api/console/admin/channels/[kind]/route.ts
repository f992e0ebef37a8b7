import type { z } from 'zod';
import { saveChannelSettings } from '@/lib/channels/channel-settings';
import { notFound } from '@/lib/errors/app-error';
import { consoleAdmin } from '@/lib/http/console-access';
import { reply } from '@/lib/http/console-contract';
import { handle, readJson } from '@/lib/http/respond';
import { channelSettingsBodies, consoleApi } from '@/lib/protocol/console';

/** The path names the channel; its own schema (lib/protocol/console/admin.ts) reads the body. */
export const PUT = handle(async (request, { params }: { params: Promise<{ kind: string }> }) => {
  const admin = await consoleAdmin(request);
  const { kind } = await params;
  if (!(kind in channelSettingsBodies)) throw notFound('No such channel settings.', 'ChannelNotFound');
  const typed = kind as keyof typeof channelSettingsBodies;
  const schema: z.ZodType<Record<string, string | null | undefined>> = channelSettingsBodies[typed];
  await saveChannelSettings(typed, await readJson(request, schema, 20_000), admin);
  return reply(consoleApi.saveChannelSettings, { ok: true });
});
