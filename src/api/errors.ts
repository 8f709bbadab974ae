/** One error class for the API (after Hono's HTTPException): handlers throw it, `onError` renders it. */
export class ApiError extends Error {
  readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 500;
  readonly code: string;
  readonly details: unknown;

  constructor(status: ApiError['status'], code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const errorBody = (code: string, message: string, details?: unknown) => ({ error: { code, message, ...(details === undefined ? {} : { details }) } });
