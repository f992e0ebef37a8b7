/** The one error type the domain throws; the HTTP layer maps it to `{"error":{"code","message"}}`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string) => new AppError(400, code, message);
export const unauthorized = (message = 'A valid credential is required.', code = 'Unauthorized') =>
  new AppError(401, code, message);
export const forbidden = (message: string, code = 'Forbidden') => new AppError(403, code, message);
export const notFound = (message: string, code = 'NotFound') => new AppError(404, code, message);
export const conflict = (message: string, code = 'Conflict') => new AppError(409, code, message);
export const tooLarge = (message: string, code = 'MessageSizeTooBig') => new AppError(413, code, message);
