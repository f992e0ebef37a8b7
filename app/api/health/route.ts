import { db } from '@/lib/db/client';
import { databaseReady } from '@/lib/db/sql/health';
import { errorResponse, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await databaseReady(db());
    return json({ status: 'ok' });
  } catch {
    return errorResponse('ServiceUnavailable', 'The database is not reachable.');
  }
}
