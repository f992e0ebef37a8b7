import { db } from '@/lib/db/client';
import { errorResponse, json } from '@/lib/http/respond';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await db().$queryRaw`SELECT 1 FROM "_prisma_migrations" LIMIT 1`;
    return json({ status: 'ok' });
  } catch {
    return errorResponse('ServiceUnavailable', 'The database is not reachable.');
  }
}
