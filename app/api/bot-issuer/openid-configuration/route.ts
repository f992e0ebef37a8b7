import { openIdConfiguration } from '@/lib/bot/issuer-metadata';
import { json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

/** Served at /.well-known/openid-configuration (a rewrite: the App Router does not route dot folders). */
export function GET() {
  return json(openIdConfiguration(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
