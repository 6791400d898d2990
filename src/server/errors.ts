/**
 * One error type for the whole API, with enumerated codes and one mapping to HTTP statuses.
 * "Not found" and "not allowed" on a record look the same to someone who may not know it exists:
 * use `notFound` for both unless the caller is already entitled to know the record is there.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  mfa_required: 401,
  mfa_invalid: 401,
  csrf_failed: 403,
  forbidden: 403,
  mfa_enrolment_required: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 423,
  too_many_attempts: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody() {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export const notFound = (what = 'record') => new AppError('not_found', `The ${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do this.') =>
  new AppError('forbidden', message);

/** A validation error for one field: the message names the field and the rule. */
export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);
}
