import type { NextFunction, Request, Response } from "express";
import { ZodError } from "zod";
import { EngineError } from "../../lib/engine/client.js";
import { StoreInputError } from "../../lib/store/index.js";
import { AccessDenied } from "./tasklist/access.js";

/** Every API error as `{type, message}`; unexpected ones are logged without request data and answered 500. */
export function apiErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  if (err instanceof EngineError) {
    res.status(err.status >= 400 && err.status < 600 ? err.status : 502).json({ type: err.type, message: err.message });
    return;
  }
  if (err instanceof ZodError) {
    res.status(400).json({ type: "InvalidRequestException", message: err.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; ") });
    return;
  }
  if (err instanceof AccessDenied) {
    res.status(403).json({ type: "AuthorizationException", message: err.message });
    return;
  }
  if (err instanceof StoreInputError) {
    res.status(400).json({ type: "InvalidRequestException", message: err.message });
    return;
  }
  const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : 500;
  if (status >= 500) console.error("web: unexpected error:", err instanceof Error ? err.name + ": " + err.message : "unknown");
  res.status(status).json({ type: status >= 500 ? "ServerError" : "BadRequest", message: status >= 500 ? "Something went wrong on the server." : "The request could not be read." });
}
