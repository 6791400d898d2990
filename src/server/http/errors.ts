import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.ts';

/** One error shape everywhere: `{"error": {"code", "message", "fields"?}}`. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) {
      request.log.error(
        { err: { type: error.name, message: error.message, stack: error.stack } },
        'request failed',
      );
    }
    reply.code(appError.status).send(appError.toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    const e = new AppError(
      'not_found',
      `There is no ${request.method} ${request.url.split('?')[0]} in this API.`,
    );
    reply.code(404).send(e.toBody());
  });
}

function toAppError(error: FastifyError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const fields: FieldError[] = error.validation.flatMap((v) => {
      const issue = { ...(v.params as object), code: v.keyword, message: v.message } as Issue & {
        keys?: string[];
      };
      // zod does not report the input it refused, so it is looked up here: "missing" and "wrong" read differently.
      issue.missing = valueAt(inputOf(request, part), v.instancePath) === undefined;
      const base = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      if (issue.code === 'unrecognized_keys') {
        return (issue.keys ?? []).map((key: string) => ({
          path: base ? `${base}.${key}` : key,
          message: 'is not a recognised field',
        }));
      }
      return [{ path: base || part, message: describeIssue(issue) }];
    });
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return new AppError('validation_failed', summary || `The ${part} is not valid.`, fields);
  }
  if (isResponseSerializationError(error))
    return new AppError('internal', 'Something went wrong on our side.');
  const uniqueViolation = asUniqueViolation(error);
  if (uniqueViolation) return uniqueViolation;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('bad_request', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', 'The request body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is too large.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('bad_request', error.message);
  }
  return new AppError('internal', 'Something went wrong on our side. Nothing was saved.');
}

// The fields behind the database's unique indexes. Services check for duplicates first and say so; two
// requests can still pass that check at the same moment, and then the index refuses the second.
const UNIQUE_FIELDS: Record<string, FieldError> = {
  agencies_name_key: { path: 'name', message: 'an agency with this name already exists' },
  teams_agency_name_key: { path: 'name', message: 'this agency already has a team with this name' },
  users_email_key: { path: 'email', message: 'an account with this email already exists' },
};

function asUniqueViolation(error: unknown): AppError | null {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23505') return null;
  const field = typeof constraint === 'string' ? UNIQUE_FIELDS[constraint] : undefined;
  if (field) return new AppError('conflict', `${field.path}: ${field.message}`, [field]);
  return new AppError(
    'conflict',
    'This was saved by someone else at the same moment. Reload and check before trying again.',
  );
}

type Issue = {
  code: string;
  message: string;
  expected?: string;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
  /** Nothing was sent at the issue's path (zod's issues do not carry the input). */
  missing?: boolean;
};

function inputOf(request: FastifyRequest, part: string): unknown {
  if (part === 'body') return request.body;
  if (part === 'querystring') return request.query;
  if (part === 'params') return request.params;
  if (part === 'headers') return request.headers;
  return undefined;
}

function valueAt(input: unknown, instancePath: string): unknown {
  let value = input;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: Issue): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.missing)
    return 'is required';
  if (issue.code === 'invalid_type') return `must be ${article(issue.expected ?? 'value')}`;
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `must be at most ${issue.maximum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
  }
  if (issue.code === 'too_big' && issue.origin === 'array') return `must have at most ${issue.maximum} items`;
  if (issue.code === 'too_small' && issue.origin === 'array')
    return `must have at least ${issue.minimum} item(s)`;
  return issue.message.replace(/^Invalid input: /, '');
}

function article(word: string) {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
