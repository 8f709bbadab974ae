/**
 * One error class for everything the user can cause (bad files, bad options, bad store),
 * with a stable code so the CLI and the API can report it without parsing messages.
 */
export type ErrorCode =
  | 'binary-file'
  | 'empty-file'
  | 'too-large'
  | 'unreadable'
  | 'not-found'
  | 'bad-encoding'
  | 'bad-sidecar'
  | 'bad-input'
  | 'bad-option'
  | 'store-error';

export class CorroborateError extends Error {
  readonly code: ErrorCode;
  /** The file, URL or record the error is about. */
  readonly subject: string | undefined;

  constructor(code: ErrorCode, message: string, options: { subject?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CorroborateError';
    this.code = code;
    this.subject = options.subject;
  }
}

export const isCorroborateError = (error: unknown): error is CorroborateError => error instanceof CorroborateError;
