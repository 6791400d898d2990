/**
 * Refusals that name their rule. The domain's schemas write every message as "[rule] text"; these
 * helpers turn them into the API's one error shape, with each field and rule, before anything is
 * written. Rules only the server can check (a record the viewer cannot see, an agency that does not
 * exist) are written the same way.
 */
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { violationsOf } from '../../domain/contexts/index.ts';
import { AppError, type FieldError } from '../errors.ts';

export function refusal(
  fields: FieldError[],
  code: 'validation_failed' | 'not_found' | 'conflict' = 'validation_failed',
) {
  return new AppError(code, fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields);
}

/** One refusal for one rule: "[rule] text", on a field. */
export function refuse(
  rule: string,
  path: string,
  text: string,
  code: 'validation_failed' | 'not_found' | 'conflict' = 'validation_failed',
): AppError {
  return refusal([{ path, message: `[${rule}] ${text}` }], code);
}

/**
 * Parses input with a domain schema; refuses with every violation, each naming its rule and field.
 * `prefix` is added to each path when the schema checks one part of a larger body.
 */
export function parseWithRules<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = violationsOf(parsed.error).map((v) => {
    const path = [prefix, v.path].filter(Boolean).join('.') || prefix || 'body';
    const message = v.rule === 'schema' ? v.message.replace(/^Invalid input: /, '') : v.message;
    return { path, message };
  });
  throw refusal(fields);
}

const zodCompiler = validatorCompiler as unknown as FastifySchemaCompiler<FastifySchema>;

/**
 * For routes whose body a domain schema checks in the service (so that every refusal names its rule):
 * the body passes through unchanged; parameters and query strings are checked as everywhere else. The
 * body schema is still declared, for the OpenAPI document.
 */
export const domainChecked = {
  validatorCompiler: ((route) =>
    route.httpPart === 'body'
      ? (data: unknown) => ({ value: data })
      : zodCompiler(route)) as FastifySchemaCompiler<FastifySchema>,
};
