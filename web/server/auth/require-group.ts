import type { NextFunction, Request, Response } from "express";
import { ApiProblem } from "../problems.js";
import { SignedInUser } from "./user.js";

const signInFirst = () => new ApiProblem(401, "AuthenticationException", "sign-in-required", "Sign in first.");

/** 401 unless someone is signed in. */
export function requireUser(_req: Request, res: Response, next: NextFunction): void {
  next(SignedInUser.safeParse(res.locals.user).success ? undefined : signInFirst());
}

/** 401 unless signed in, 403 (audited by api-errors.ts) unless a member of `group`. */
export function requireGroup(group: string) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const user = SignedInUser.safeParse(res.locals.user);
    if (!user.success) return next(signInFirst());
    next(user.data.groups.includes(group) ? undefined : new ApiProblem(403, "AuthorizationException", "forbidden", `Only members of the group ${group} may do this.`));
  };
}
