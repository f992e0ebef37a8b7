import { publishedJwks } from '@/lib/bot/signing-keys';
import { handle, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Served at /.well-known/jwks.json: the public halves of the keys that sign, will sign or signed unexpired tokens. */
export const GET = handle(async () => json(await publishedJwks(), { headers: { 'Cache-Control': 'public, max-age=300' } }));
