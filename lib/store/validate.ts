import type { z } from "zod";

/** Input refused by a repository before anything was written. */
export class StoreInputError extends Error {
  constructor(
    readonly what: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`Invalid ${what}: ${issues.map((i) => `${i.path.length ? i.path.join(".") : "(value)"}: ${i.message}`).join("; ")}`);
    this.name = "StoreInputError";
  }
}

/** Parses caller input, throwing a StoreInputError that names the field and the problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StoreInputError(what, result.error.issues);
  return result.data;
}
