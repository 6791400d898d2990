/**
 * How a refusal names its rule. Every message this domain writes starts with the rule's id in square
 * brackets ("[link.source-required] …"), so a practitioner, a log line and a test can all see which rule
 * refused the input, and the API can return the id as a machine-readable code.
 */
import type { z } from 'zod';

export function ruleMessage(rule: string, text: string): string {
  return `[${rule}] ${text}`;
}

export interface RuleViolation {
  /** The rule's id, e.g. `link.source-required`; `schema` when zod refused the shape itself. */
  rule: string;
  /** Where in the input, dotted: `source.agencyId`, `breaches.0.date`. */
  path: string;
  message: string;
}

const RULE_PREFIX = /^\[([a-z0-9][a-z0-9.-]*)\]\s*/;

/** The rule named at the start of a message, or `schema` for zod's own messages. */
export function ruleOf(message: string): string {
  return RULE_PREFIX.exec(message)?.[1] ?? 'schema';
}

/** A zod error as a list of named rule violations. */
export function violationsOf(error: z.ZodError): RuleViolation[] {
  return error.issues.map((issue) => ({
    rule: ruleOf(issue.message),
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
