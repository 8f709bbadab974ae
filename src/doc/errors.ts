/**
 * One error class for everything the user can cause (bad files, bad options, bad store),
 * with a stable code so the CLI and the API can report it without parsing messages.
 */
export type ErrorCode =
  | 'binary-file'
  | 'empty-file'
  /** The input was read, but almost no article text is left once boilerplate is removed. */
  | 'empty-body'
  | 'too-large'
  /** One document's analysis ran past its time budget (`--time-budget`): refused, nothing of it stored. */
  | 'over-time-budget'
  | 'unreadable'
  | 'not-found'
  /** A FIFO, socket or device met in a directory walk: never opened, as reading it could block. */
  | 'not-regular-file'
  | 'bad-encoding'
  | 'bad-sidecar'
  | 'bad-input'
  | 'bad-option'
  /** An output file that cannot be written (missing folder, no permission, disk full). */
  | 'unwritable'
  | 'store-error'
  /** The job queue (PostgreSQL) cannot be reached or refused a job. */
  | 'queue-error'
  /** Not the input's fault: the tool itself failed on it (a bug). The input fails alone. */
  | 'internal';

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

/**
 * Any throwable as the failure of one input: errors the user can cause keep their code; anything
 * else (a bug, a library throwing) becomes `internal`, with the original kept as `cause` for --debug.
 */
export function asInputError(error: unknown, subject: string): CorroborateError {
  if (isCorroborateError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new CorroborateError('internal', `${subject}: internal error (${reason})`, { subject, cause: error });
}
