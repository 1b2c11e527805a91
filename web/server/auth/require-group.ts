import type { NextFunction, Request, Response } from "express";
import { SignedInUser } from "./user.js";

/** 401 unless someone is signed in. */
export function requireUser(_req: Request, res: Response, next: NextFunction): void {
  if (!SignedInUser.safeParse(res.locals.user).success) {
    res.status(401).json({ type: "AuthenticationException", message: "Sign in first." });
    return;
  }
  next();
}

/** 401 unless signed in, 403 unless a member of `group`. */
export function requireGroup(group: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    requireUser(req, res, () => {
      if (!SignedInUser.parse(res.locals.user).groups.includes(group)) {
        res.status(403).json({ type: "AuthorizationException", message: `Only members of the group ${group} may do this.` });
        return;
      }
      next();
    });
  };
}
