import type { ErrorCode } from '../shared/error-codes';

/** The HTTP status of each error code: the one place a domain error becomes a status. */
export const ERROR_STATUS = {
  BadArgument: 400,
  BadCursor: 400,
  BadPeriod: 400,
  PeriodTooLong: 400,
  BadAttachment: 400,
  BadEvent: 400,
  EmptyFile: 400,
  TooManyFiles: 400,
  TooManyParts: 400,
  NoTemplates: 400,
  NotAcceptedByTeams: 400,
  NotAcceptedByWhatsApp: 400,

  Unauthorized: 401,
  InvalidCredentials: 401,

  Forbidden: 403,
  TokenExpired: 403,
  CsrfRejected: 403,
  SupervisorsOnly: 403,
  AdminsOnly: 403,
  NotYourQueue: 403,
  NotOwner: 403,
  NotAuthor: 403,
  NotYourOffer: 403,
  NotYourRequest: 403,
  SelfLockout: 403,
  LinkExpired: 403,

  NotFound: 404,
  ConversationNotFound: 404,
  ActivityNotFound: 404,
  AttachmentNotFound: 404,
  AgentNotFound: 404,
  QueueNotFound: 404,
  OfferNotFound: 404,
  ChannelNotFound: 404,
  SecretNotFound: 404,

  MethodNotAllowed: 405,

  Conflict: 409,
  AlreadyAssigned: 409,
  ConversationClosed: 409,
  NotActive: 409,
  NotClosed: 409,
  SameAgent: 409,
  AgentUnavailable: 409,
  NotReachableFirst: 409,
  BotNotConfigured: 409,
  NotWithBot: 409,
  LabelNameTaken: 409,
  AttributeKeyTaken: 409,
  ContactMerged: 409,
  MergeAlreadyUndone: 409,
  InvalidAttributeValue: 400,
  SameContact: 400,
  NoBot: 409,
  QueueEmpty: 409,
  TransferPending: 409,
  TransferStale: 409,
  NotConsulting: 409,
  AlreadyConsulting: 409,
  ConsultPending: 409,
  OfferNotPending: 409,
  AlreadyDeleted: 409,
  NothingToRetry: 409,
  CustomerServiceWindowClosed: 409,
  EmailTaken: 409,
  QueueNameTaken: 409,

  MessageSizeTooBig: 413,
  FileTooLarge: 413,

  UnsupportedMediaType: 415,

  TooManyRequests: 429,
  TooManyAttempts: 429,

  InternalError: 500,
  ChannelUnavailable: 502,
  ChannelRefused: 502,
  ServiceUnavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export const statusOf = (code: ErrorCode): number => ERROR_STATUS[code];

/**
 * How a protocol words a code on the wire, when it differs from ours (Direct Line answers
 * `BadArgument` for a refused credential, say): the status still follows our code.
 */
export type WireCodes = (code: ErrorCode) => ErrorCode;
