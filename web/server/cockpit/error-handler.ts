import type { NextFunction, Request, Response } from "express";
import { ZodError } from "zod";
import { EngineError } from "../../../lib/engine/client.js";

/** Answers in Camunda's `{type, message}` shape: the engine's own errors pass through unchanged. */
export function apiErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  if (err instanceof EngineError) {
    res.status(err.status).json({ type: err.type, message: err.message });
    return;
  }
  if (err instanceof ZodError) {
    res.status(400).json({ type: "InvalidRequestException", message: err.issues.map((i) => i.message).join("; ") });
    return;
  }
  next(err);
}
