// Every /api/console route: method, path, what it takes and what it answers. Route handlers parse
// with these schemas and type their answers by them; the browser's calls are typed from them and
// check the answers in development and tests (components/api/fetch-json.ts). A unit test holds this
// table and app/api/console/** to each other.
import { z } from 'zod';
import { activityViewSchema, attachmentViewSchema, cannedResponseViewSchema, editMessageBody, failedDeliveryViewSchema, messageTemplateViewSchema, sendMessageBody, startConversationBody, startedConversationSchema, transcriptPageSchema, transcriptQuery } from './activities';
import { adminAgentSchema, adminQueueSchema, agentChangeBody, channelSettingsBody, channelSettingsViewSchema, issuedSecretSchema, newAgentBody, newQueueBody, queueChangeBody, queueHoursBody, queueMembersBody } from './admin';
import { botCheckBody, botCheckResultSchema, signingKeysViewSchema } from './bots';
import { agentStatusViewSchema, directoryViewSchema, presenceBody, signedInSchema, signInBody } from './agents';
import { acceptBody, assignBody, closeBody, consultantBody, consultBody, conversationListQuery, conversationPageSchema, conversationSummarySchema, customerProfileViewSchema, transferBody, wrapUpBody } from './conversations';
import { offerViewSchema } from './offers';
import { attributeValueBody, contactAttributeSchema, contactListItemSchema, contactSearchQuery, contactViewSchema, mergeContactsBody, mergeResultSchema, newContactAttributeBody } from './contacts';
import { labelViewSchema, newLabelBody } from './labels';
import { handoffViewSchema } from './bot';
import { itemsOf, okSchema } from './shared';
import { episodePageQuery, episodePageSchema, reportQuery, reportSummarySchema, summaryQuery } from './reports';
import { supervisorActionViewSchema, supervisorOverviewSchema } from './supervisor';
import { auditCsvQuery, auditPageSchema, auditQuery } from './audit';
import { customerExportSchema, erasedCustomerSchema } from './customers';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  method: Method;
  /** The path under the origin; `:name` marks a path parameter. */
  path: string;
  /** The JSON body's schema; `bytes` for a raw upload; none when the route reads no body. */
  body?: z.ZodType | 'bytes';
  /** The query string's schema (values arrive as strings; coerce where numbers are meant). */
  query?: z.ZodType;
  /** The JSON answer's schema (2xx); `bytes` for a file, `stream` for server-sent events. */
  response: z.ZodType | 'bytes' | 'stream';
}

const endpoint = <const E extends Endpoint>(definition: E): E => definition;
const conversation = '/api/console/conversations/:id';

/** The realtime stream resumes after `after` (or the `Last-Event-ID` header); anything else starts from now. */
const eventsQuery = z.object({ after: z.string().optional() });

export const consoleApi = {
  // auth and the signed-in rep
  signIn: endpoint({ method: 'POST', path: '/api/console/auth/sign-in', body: signInBody, response: signedInSchema }),
  signOut: endpoint({ method: 'POST', path: '/api/console/auth/sign-out', response: okSchema }),
  me: endpoint({ method: 'GET', path: '/api/console/me', response: signedInSchema }),
  setPresence: endpoint({ method: 'PUT', path: '/api/console/me/presence', body: presenceBody, response: agentStatusViewSchema }),
  events: endpoint({ method: 'GET', path: '/api/console/events', query: eventsQuery, response: 'stream' }),
  directory: endpoint({ method: 'GET', path: '/api/console/directory', response: directoryViewSchema }),
  cannedResponses: endpoint({ method: 'GET', path: '/api/console/canned-responses', response: itemsOf(cannedResponseViewSchema) }),

  // conversations
  conversations: endpoint({ method: 'GET', path: '/api/console/conversations', query: conversationListQuery, response: conversationPageSchema }),
  conversation: endpoint({ method: 'GET', path: conversation, response: conversationSummarySchema }),
  transcript: endpoint({ method: 'GET', path: `${conversation}/activities`, query: transcriptQuery, response: transcriptPageSchema }),
  customerProfile: endpoint({ method: 'GET', path: `${conversation}/customer`, response: customerProfileViewSchema }),
  /** Administrators: every conversation of this conversation's customer, erased (CONTRACT.md "Erasing a customer"). */
  eraseCustomer: endpoint({ method: 'POST', path: `${conversation}/customer/erase`, response: erasedCustomerSchema }),
  /** Administrators: everything held about this conversation's customer, one JSON file. */
  exportCustomer: endpoint({ method: 'GET', path: `${conversation}/customer/export`, response: customerExportSchema }),
  templates: endpoint({ method: 'GET', path: `${conversation}/templates`, response: itemsOf(messageTemplateViewSchema) }),
  accept: endpoint({ method: 'POST', path: `${conversation}/accept`, body: acceptBody, response: conversationSummarySchema }),
  transfer: endpoint({ method: 'POST', path: `${conversation}/transfer`, body: transferBody, response: conversationSummarySchema }),
  consult: endpoint({ method: 'POST', path: `${conversation}/consult`, body: consultBody, response: conversationSummarySchema }),
  addConsultant: endpoint({ method: 'POST', path: `${conversation}/consult/join`, body: consultantBody, response: conversationSummarySchema }),
  endConsult: endpoint({ method: 'POST', path: `${conversation}/consult/end`, body: consultantBody, response: conversationSummarySchema }),
  close: endpoint({ method: 'POST', path: `${conversation}/close`, body: closeBody, response: conversationSummarySchema }),
  wrapUp: endpoint({ method: 'POST', path: `${conversation}/wrap-up`, body: wrapUpBody, response: conversationSummarySchema }),
  assign: endpoint({ method: 'POST', path: `${conversation}/assign`, body: assignBody, response: conversationSummarySchema }),
  markRead: endpoint({ method: 'POST', path: `${conversation}/read`, response: okSchema }),
  typing: endpoint({ method: 'POST', path: `${conversation}/typing`, response: okSchema }),
  sendMessage: endpoint({ method: 'POST', path: `${conversation}/messages`, body: sendMessageBody, response: activityViewSchema }),
  startConversation: endpoint({ method: 'POST', path: `${conversation}/start`, body: startConversationBody, response: startedConversationSchema }),
  handoff: endpoint({ method: 'GET', path: `${conversation}/handoff`, response: handoffViewSchema }),
  returnToBot: endpoint({ method: 'POST', path: `${conversation}/return-to-bot`, response: conversationSummarySchema }),
  addLabel: endpoint({ method: 'PUT', path: `${conversation}/labels/:labelId`, response: conversationSummarySchema }),
  removeLabel: endpoint({ method: 'DELETE', path: `${conversation}/labels/:labelId`, response: conversationSummarySchema }),
  uploadAttachment: endpoint({ method: 'POST', path: `${conversation}/attachments`, body: 'bytes', response: attachmentViewSchema }),

  // contacts and labels
  contacts: endpoint({ method: 'GET', path: '/api/console/contacts', query: contactSearchQuery, response: itemsOf(contactListItemSchema) }),
  contact: endpoint({ method: 'GET', path: '/api/console/contacts/:id', response: contactViewSchema }),
  setContactAttribute: endpoint({ method: 'PUT', path: '/api/console/contacts/:id/attributes/:key', body: attributeValueBody, response: contactViewSchema }),
  mergeContacts: endpoint({ method: 'POST', path: '/api/console/contacts/:id/merge', body: mergeContactsBody, response: mergeResultSchema }),
  undoContactMerge: endpoint({ method: 'POST', path: '/api/console/contact-merges/:id/undo', response: contactViewSchema }),
  contactAttributes: endpoint({ method: 'GET', path: '/api/console/contact-attributes', response: itemsOf(contactAttributeSchema) }),
  labels: endpoint({ method: 'GET', path: '/api/console/labels', response: itemsOf(labelViewSchema) }),

  // activities and files
  editMessage: endpoint({ method: 'PATCH', path: '/api/console/activities/:id', body: editMessageBody, response: activityViewSchema }),
  deleteMessage: endpoint({ method: 'DELETE', path: '/api/console/activities/:id', response: activityViewSchema }),
  retryDelivery: endpoint({ method: 'POST', path: '/api/console/activities/:id/retry', response: activityViewSchema }),
  attachment: endpoint({ method: 'GET', path: '/api/console/attachments/:id', response: 'bytes' }),
  failedDeliveries: endpoint({ method: 'GET', path: '/api/console/deliveries/failed', response: itemsOf(failedDeliveryViewSchema) }),

  // offers
  offers: endpoint({ method: 'GET', path: '/api/console/offers', response: itemsOf(offerViewSchema) }),
  acceptOffer: endpoint({ method: 'POST', path: '/api/console/offers/:id/accept', response: conversationSummarySchema }),
  declineOffer: endpoint({ method: 'POST', path: '/api/console/offers/:id/decline', response: okSchema }),
  withdrawOffer: endpoint({ method: 'POST', path: '/api/console/offers/:id/withdraw', response: conversationSummarySchema }),

  // supervisor
  supervisorOverview: endpoint({ method: 'GET', path: '/api/console/supervisor/overview', response: supervisorOverviewSchema }),
  supervisorActions: endpoint({ method: 'GET', path: '/api/console/supervisor/actions', response: itemsOf(supervisorActionViewSchema) }),

  // reports (supervisors and administrators)
  reportConversations: endpoint({ method: 'GET', path: '/api/console/reports/conversations', query: episodePageQuery, response: episodePageSchema }),
  reportConversationsCsv: endpoint({ method: 'GET', path: '/api/console/reports/conversations.csv', query: reportQuery, response: 'bytes' }),
  reportSummary: endpoint({ method: 'GET', path: '/api/console/reports/summary', query: summaryQuery, response: reportSummarySchema }),

  // administration
  adminAgents: endpoint({ method: 'GET', path: '/api/console/admin/agents', response: itemsOf(adminAgentSchema) }),
  createAgent: endpoint({ method: 'POST', path: '/api/console/admin/agents', body: newAgentBody, response: adminAgentSchema }),
  updateAgent: endpoint({ method: 'PATCH', path: '/api/console/admin/agents/:id', body: agentChangeBody, response: adminAgentSchema }),
  adminQueues: endpoint({ method: 'GET', path: '/api/console/admin/queues', response: itemsOf(adminQueueSchema) }),
  createQueue: endpoint({ method: 'POST', path: '/api/console/admin/queues', body: newQueueBody, response: adminQueueSchema }),
  updateQueue: endpoint({ method: 'PATCH', path: '/api/console/admin/queues/:id', body: queueChangeBody, response: adminQueueSchema }),
  setQueueMembers: endpoint({ method: 'PUT', path: '/api/console/admin/queues/:id/members', body: queueMembersBody, response: adminQueueSchema }),
  setQueueHours: endpoint({ method: 'PUT', path: '/api/console/admin/queues/:id/hours', body: queueHoursBody, response: adminQueueSchema }),
  channelSettings: endpoint({ method: 'GET', path: '/api/console/admin/channels', response: channelSettingsViewSchema }),
  saveChannelSettings: endpoint({ method: 'PUT', path: '/api/console/admin/channels/:kind', body: channelSettingsBody, response: okSchema }),
  issueDirectLineSecret: endpoint({ method: 'POST', path: '/api/console/admin/channels/directline/secrets', response: issuedSecretSchema }),
  revokeDirectLineSecret: endpoint({ method: 'DELETE', path: '/api/console/admin/channels/directline/secrets/:id', response: okSchema }),
  checkBot: endpoint({ method: 'POST', path: '/api/console/admin/bots/check', body: botCheckBody, response: botCheckResultSchema }),
  createLabel: endpoint({ method: 'POST', path: '/api/console/admin/labels', body: newLabelBody, response: labelViewSchema }),
  createContactAttribute: endpoint({ method: 'POST', path: '/api/console/admin/contact-attributes', body: newContactAttributeBody, response: contactAttributeSchema }),
  botSigningKeys: endpoint({ method: 'GET', path: '/api/console/admin/bot-keys', response: signingKeysViewSchema }),
  rotateBotSigningKey: endpoint({ method: 'POST', path: '/api/console/admin/bot-keys/rotate', response: signingKeysViewSchema }),
  auditLog: endpoint({ method: 'GET', path: '/api/console/admin/audit', query: auditQuery, response: auditPageSchema }),
  auditLogCsv: endpoint({ method: 'GET', path: '/api/console/admin/audit.csv', query: auditCsvQuery, response: 'bytes' }),
} as const;

export type ConsoleApi = typeof consoleApi;
export type EndpointName = keyof ConsoleApi;

type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path parameters of an endpoint, by name: `{ id: string }` for `/api/console/conversations/:id`. */
export type PathParams<E extends Endpoint> = { [Name in ParamNames<E['path']>]: string };
/** What a JSON endpoint answers. */
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<E['response']> : never;
/** What a route may answer for an endpoint (the domain's value before it is serialized). */
export type ReplyOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<E['response']> : never;
/** What a caller sends as an endpoint's JSON body. */
export type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.input<E['body']> : never;
export type QueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.input<E['query']> : never;

/** The concrete path of an endpoint: parameters filled in (URL-encoded), then the query string. */
export function pathOf(endpoint: Endpoint, params: Record<string, string> = {}, query: Record<string, unknown> = {}): string {
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${endpoint.path}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

const patterns = Object.values(consoleApi).map((entry) => ({
  entry: entry as Endpoint,
  pattern: new RegExp(`^${entry.path.replace(/:\w+/g, '[^/]+')}$`),
}));

/** The endpoint a request names (method and path, query ignored), if the contract has one. */
export function endpointFor(method: string, path: string): Endpoint | undefined {
  const bare = path.split('?')[0] ?? path;
  return patterns.find(({ entry, pattern }) => entry.method === method.toUpperCase() && pattern.test(bare))?.entry;
}

/**
 * Checks an answer against its endpoint's schema and returns it unchanged (extra fields kept, so a
 * checked build behaves as an unchecked one); a mismatch throws, naming the endpoint and the fields.
 */
export function checkResponse<E extends Endpoint>(endpoint: E, value: unknown): ResponseOf<E> {
  if (typeof endpoint.response !== 'string') checkShape(endpoint.response, value, `${endpoint.method} ${endpoint.path}`);
  return value as ResponseOf<E>;
}

/** `checkResponse` for what is not an endpoint's answer (an event on the realtime stream); `what` names it. */
export function checkShape<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ContractDrift(what, parsed.error);
  return value as z.output<Schema>;
}

/** An answer that does not match the console contract: a bug on one side, never the user's fault. */
export class ContractDrift extends Error {
  constructor(
    readonly what: string,
    readonly issues: z.ZodError,
  ) {
    super(
      `${what} is outside the console contract: ${issues.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
    this.name = 'ContractDrift';
  }
}
