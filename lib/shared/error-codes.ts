// Every code the console's APIs answer in `{"error":{"code","message"}}`: the console's own and the
// wire protocols' (Direct Line's BadArgument and TokenExpired, the Bot Connector's
// ConversationNotFound …). A closed list, so the server cannot invent a code the browser has no words
// for: lib/http/error-status.ts gives each its HTTP status, the catalogues' `errors` namespace its text.
export const ERROR_CODES = [
  // Any endpoint
  'BadArgument',
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'Conflict',
  'MethodNotAllowed',
  'MessageSizeTooBig',
  'UnsupportedMediaType',
  'TooManyRequests',
  'InternalError',
  'ServiceUnavailable',
  // The rep's session and the console's guards
  'InvalidCredentials',
  'TooManyAttempts',
  'CsrfRejected',
  'SupervisorsOnly',
  'AdminsOnly',
  'NotYourQueue',
  'BadCursor',
  // Reports
  'BadPeriod',
  'PeriodTooLong',
  // Conversations
  'AlreadyAssigned',
  'ConversationClosed',
  'NotActive',
  'NotClosed',
  'NotOwner',
  'SameAgent',
  'AgentNotFound',
  'AgentUnavailable',
  'NotReachableFirst',
  'BotNotConfigured',
  'NotWithBot',
  'NoBot',
  // Transfers, consults and offers
  'QueueNotFound',
  'QueueEmpty',
  'TransferPending',
  'TransferStale',
  'NotConsulting',
  'AlreadyConsulting',
  'ConsultPending',
  'OfferNotFound',
  'NotYourOffer',
  'NotYourRequest',
  'OfferNotPending',
  // Messages and files
  'NotAuthor',
  'AlreadyDeleted',
  'NothingToRetry',
  'BadAttachment',
  'EmptyFile',
  'FileTooLarge',
  'TooManyFiles',
  'TooManyParts',
  'LinkExpired',
  'NoTemplates',
  'NotAcceptedByTeams',
  'NotAcceptedByWhatsApp',
  'CustomerServiceWindowClosed',
  'ChannelUnavailable',
  'ChannelRefused',
  // Administration
  'EmailTaken',
  'SelfLockout',
  'QueueNameTaken',
  'ChannelNotFound',
  'SecretNotFound',
  'LabelNameTaken',
  'AttributeKeyTaken',
  // Contacts and labels
  'InvalidAttributeValue',
  'SameContact',
  'ContactMerged',
  'MergeAlreadyUndone',
  // Channels' wire protocols
  'TokenExpired',
  'ConversationNotFound',
  'ActivityNotFound',
  'AttachmentNotFound',
  'BadEvent',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && KNOWN.has(value);
