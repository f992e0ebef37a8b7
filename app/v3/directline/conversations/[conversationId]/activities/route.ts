import { getActivitiesRoute, postActivityRoute } from '@/lib/channels/directline/activity-routes';

export const dynamic = 'force-dynamic';

export const POST = postActivityRoute;
export const GET = getActivitiesRoute;
