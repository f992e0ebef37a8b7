import { z } from 'zod';
import { saveChannelSettings } from '@/lib/channels/channel-settings';
import { notFound } from '@/lib/errors/app-error';
import { consoleAdmin } from '@/lib/http/console-access';
import { handle, json, readJson } from '@/lib/http/respond';

const text = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
const url = z.url({ protocol: /^https?$/ }).max(2000).nullable().optional();

/** Per channel: a field left out stays as it is, `null` clears it; secrets are sealed at rest. */
const schemas = {
  custom: z.object({ webhookUrl: url, token: text(2000), tokenUrl: url, clientId: text(500), clientSecret: text(2000), scope: text(500) }).strict(),
  teams: z.object({ appId: text(200), appPassword: text(500) }).strict(),
  whatsapp: z.object({ endpoint: url, accessKey: text(500), channelId: text(200) }).strict(),
};

export const PUT = handle(async (request, { params }: { params: Promise<{ kind: string }> }) => {
  await consoleAdmin(request);
  const { kind } = await params;
  if (!(kind in schemas)) throw notFound('No such channel settings.', 'ChannelNotFound');
  const typed = kind as keyof typeof schemas;
  const schema: z.ZodType<Record<string, string | null | undefined>> = schemas[typed];
  await saveChannelSettings(typed, await readJson(request, schema, 20_000));
  return json({ ok: true });
});
