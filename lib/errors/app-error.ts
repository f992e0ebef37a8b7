import type { ErrorCode } from '../shared/error-codes';

/**
 * The one error type the domain throws: a code from the closed list and a message for the caller.
 * The HTTP status is not the domain's business: lib/http/error-status.ts maps each code to one.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** When trying again makes sense (sent as `Retry-After`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

// Named defaults, so a call site reads as what happened: `notFound('No such queue.', 'QueueNotFound')`.
export const badRequest = (code: ErrorCode, message: string) => new AppError(code, message);
export const unauthorized = (message = 'A valid credential is required.', code: ErrorCode = 'Unauthorized') => new AppError(code, message);
export const forbidden = (message: string, code: ErrorCode = 'Forbidden') => new AppError(code, message);
export const notFound = (message: string, code: ErrorCode = 'NotFound') => new AppError(code, message);
export const conflict = (message: string, code: ErrorCode = 'Conflict') => new AppError(code, message);
export const tooLarge = (message: string, code: ErrorCode = 'MessageSizeTooBig') => new AppError(code, message);

/** Failures on our side or a channel's, worth trying again; every other code refuses the request itself. */
export const FAILURE_CODES: readonly ErrorCode[] = ['InternalError', 'ServiceUnavailable', 'ChannelUnavailable', 'ChannelRefused'];

/** The request was refused for what it is or asks (trying it again unchanged will not help). */
export const isRefusal = (error: unknown): error is AppError => error instanceof AppError && !FAILURE_CODES.includes(error.code);
