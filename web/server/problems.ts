import { z } from "zod";

/**
 * An error answer in our own words: `{type, code, message}` and, for some, more (the fields of a
 * refused form, a diagram's parse problems). `code` is stable for clients to act on; `message` is
 * for people. Routers throw these; api-errors.ts is the one place that writes them.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

/** 403: what the user may not reach, and where; the refusal is audited with `caseRef` and `detail`. */
export class AccessDenied extends ApiProblem {
  constructor(
    what: string,
    readonly caseRef: string | null = null,
    readonly detail: Record<string, string> = {},
  ) {
    super(403, "AuthorizationException", "forbidden", `You have no access to this ${what}.`);
    this.name = "AccessDenied";
  }
}

export const notFound = (message: string) => new ApiProblem(404, "NotFound", "not-found", message);

/** Field by field, for forms: `{key, message}` where the key is the body's field (or `request`). */
export function fieldErrors(error: z.ZodError): { key: string; message: string }[] {
  return error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ key, message: "Tuntematon kenttä / Not a field of this request" }))
      : [{ key: issue.path.length ? issue.path.map(String).join(".") : "request", message: issue.message }],
  );
}

/** A request that fails its schema: 400 naming each field. */
export function invalidRequest(error: z.ZodError): ApiProblem {
  const fields = fieldErrors(error);
  return new ApiProblem(400, "InvalidRequestException", "invalid-request", fields.map((f) => `${f.key}: ${f.message}`).join("; "), { fields });
}
