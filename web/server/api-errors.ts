import type { NextFunction, Request, Response } from "express";
import { ZodError } from "zod";
import { EngineError } from "../../lib/engine/client.js";
import { StoreInputError, type Store } from "../../lib/store/index.js";
import { SignedInUser } from "./auth/user.js";
import { engineProblem } from "./engine-problems.js";
import { AccessDenied, ApiProblem, invalidRequest, notFound } from "./problems.js";
import { refusalPage } from "./page-refusal.js";

/** What body-parser and serve-static attach to their errors. */
interface HttpishError {
  status?: unknown;
  type?: unknown;
}

/** Any error as one of ours; unexpected ones are logged by name only (messages can quote request data). */
function problemOf(err: unknown): ApiProblem {
  if (err instanceof ApiProblem) return err;
  if (err instanceof EngineError) return engineProblem(err);
  if (err instanceof ZodError) return invalidRequest(err);
  if (err instanceof StoreInputError) return new ApiProblem(400, "InvalidRequestException", "invalid-request", err.message);
  const { status, type } = (err ?? {}) as HttpishError;
  if (type === "entity.parse.failed") return new ApiProblem(400, "InvalidRequestException", "invalid-json", "The request body is not valid JSON.");
  if (type === "entity.too.large") return new ApiProblem(413, "InvalidRequestException", "too-large", "The request body is too large.");
  if (status === 404) return notFound("No such file.");
  if (typeof status === "number" && status >= 400 && status < 500) return new ApiProblem(status, "BadRequest", "bad-request", "The request could not be read.");
  console.error("web: unexpected error:", err instanceof Error ? err.name : typeof err);
  return new ApiProblem(500, "ServerError", "server-error", "Something went wrong on the server.");
}

/**
 * The one writer of error answers: `{type, code, message}` in JSON, on every route; a browser
 * refused the cockpit's or the modeler's page gets it in words (page-refusal.ts). A refusal
 * (403) of a signed-in user is audited before it is answered, with the case when the refusal
 * knows it: refused reads are part of who tried to read what.
 */
export async function apiErrors(err: unknown, req: Request, res: Response, next: NextFunction): Promise<void> {
  if (res.headersSent) return next(err);
  const problem = problemOf(err);
  const user = SignedInUser.safeParse(res.locals.user);
  if (problem.status === 403 && user.success) {
    const denied = problem instanceof AccessDenied ? problem : undefined;
    const store = res.locals.store as Store;
    const at = (res.locals.now as () => Date)();
    await store.audit
      .append({
        actor: user.data.id,
        action: "access.refused",
        caseRef: denied?.caseRef ?? null,
        detail: { request: `${req.method} ${req.originalUrl.split("?")[0]}`, code: problem.code, ...(denied?.detail ?? {}) },
        at,
      })
      .catch(() => console.error("web: a refused request could not be audited"));
  }
  const page = refusalPage(req, problem.status);
  if (page) {
    res.status(problem.status).type("html").send(page);
    return;
  }
  res.status(problem.status).json({ type: problem.type, code: problem.code, message: problem.message, ...problem.extra });
}
