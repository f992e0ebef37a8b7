// Route handlers and the console contract (lib/protocol/console, decision 008): the query parsed by
// the endpoint's schema, the answer typed by it, so the domain's value must fit what the browser
// expects; outside production the answer is also checked at run time (ContractDrift, a 500 in development).
import type { z } from 'zod';
import { checkResponse, type Endpoint, type ReplyOf } from '../protocol/console';
import { json } from './respond';

type WithQuery = Endpoint & { query: z.ZodType };

export function readQuery<E extends WithQuery>(request: Request, endpoint: E): z.output<E['query']> {
  return endpoint.query.parse(Object.fromEntries(new URL(request.url).searchParams)) as z.output<E['query']>;
}

export function reply<E extends Endpoint>(endpoint: E, body: ReplyOf<E>, init: ResponseInit = {}): Response {
  if (process.env.NODE_ENV !== 'production') checkResponse(endpoint, body);
  return json(body, init);
}
