import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

/**
 * helmet's headers with a strict policy: scripts only from our own bundles, nothing framed,
 * forms posted only here. Inline style attributes stay allowed because form-js and bpmn-js set
 * element positions through them; inline scripts never are.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}

/**
 * No answer may be kept by a browser or a proxy cache: they carry client data, and a shared
 * computer's back button or disk cache must not show it to the next person. The bundles under
 * /assets set their own caching (express.static) over this.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader("Cache-Control", "no-store");
  next();
}
