import { eventGridDeliveryRoute, eventGridHandshakeRoute } from '@/lib/channels/whatsapp/eventgrid-route';

export const POST = eventGridDeliveryRoute;
export const OPTIONS = eventGridHandshakeRoute;
