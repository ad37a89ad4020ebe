/**
 * The one error type. Every failure a client can see carries a stable `code`;
 * the HTTP status is derived from the code through an exhaustive map so that
 * routes never pick statuses ad hoc.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_string: 400,
  invalid_cursor: 400,
  invalid_id: 400,
  bad_request: 400,
  private_address: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_refused: 403,
  not_fluent: 403,
  not_found: 404,
  survey_link_invalid: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_exists: 409,
  survey_already_answered: 409,
  survey_link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  upgrade_required: 426,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** JSON pointer-ish path of the offending field, e.g. "/customer/email". */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } } {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
