import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { ApiProblem } from "../problems.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every state-changing request must carry the session's token in `x-csrf-token`: a cross-site
 * form or fetch cannot read it, so it cannot forge the request even where the cookie would travel.
 */
export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const expected = res.locals.csrfToken;
  const given = req.get("x-csrf-token");
  if (typeof expected !== "string" || !given || !sameToken(given, expected)) {
    next(new ApiProblem(403, "CsrfException", "csrf", "The request lacks a valid CSRF token. Reload the page and try again."));
    return;
  }
  next();
}
