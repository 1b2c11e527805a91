import express, { type NextFunction, type Request, type Response } from "express";
import { ApiProblem } from "./problems.js";

/**
 * C0 controls and DEL, except tab, line feed and carriage return. No field of Nivel's has a use for
 * them, PostgreSQL's jsonb cannot hold NUL at all (an audit row with one fails to write), and they
 * hide text from people reading a record.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Where in `value` (a parsed JSON body or query) a key or a string holds a control character, or null. */
export function controlCharacterAt(value: unknown, path: string): { path: string; codePoint: number } | null {
  if (typeof value === "string") {
    const found = CONTROL.exec(value);
    return found ? { path, codePoint: found[0].codePointAt(0)! } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const hit = controlCharacterAt(item, `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const keyHit = controlCharacterAt(key, `${path}.${key}`);
      if (keyHit) return { path: `${path} (a key)`, codePoint: keyHit.codePoint };
      const hit = controlCharacterAt(item, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return null;
}

function refused(where: { path: string; codePoint: number }): ApiProblem {
  const code = `U+${where.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  return new ApiProblem(
    400,
    "InvalidRequestException",
    "control-character",
    `${where.path.replace(/^\./, "")} holds a control character (${code}); text may hold tab, line feed and carriage return, no other control characters.`,
    { field: where.path.replace(/^\./, "") },
  );
}

function checkText(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    next(new ApiProblem(400, "InvalidRequestException", "invalid-path", "The address is not validly encoded."));
    return;
  }
  const hit = controlCharacterAt(path, "path") ?? controlCharacterAt(req.query, "query") ?? controlCharacterAt(req.body, "body");
  next(hit ? refused(hit) : undefined);
}

/** The modeler deploys whole diagrams with their forms; every other body is a small form. */
const LARGE_BODIES = /^\/modeler\//;

/**
 * The one reader of request bodies for the whole app: JSON parsed (5 MB for the modeler, 200 kB
 * elsewhere), then the address, the query and the body refused with 400 when any key or text in
 * them holds a control character. It runs before the session is loaded and before any router, so a
 * refused request changes nothing, not even a session's expiry or a sign-in counter.
 */
export function readRequest(): express.RequestHandler[] {
  const small = express.json({ limit: "200kb" });
  const large = express.json({ limit: "5mb" });
  return [(req, res, next) => (LARGE_BODIES.test(req.path) ? large : small)(req, res, next), checkText];
}
