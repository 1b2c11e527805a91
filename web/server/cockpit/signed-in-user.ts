import type { NextFunction, Request, Response } from "express";
import { z } from "zod";

/** The signed-in user the web core puts on `res.locals.user`. */
export const SignedInUser = z.object({ id: z.string(), groups: z.array(z.string()), name: z.string() });
export type SignedInUser = z.infer<typeof SignedInUser>;

export function signedInUser(res: Response): SignedInUser {
  return SignedInUser.parse(res.locals.user);
}

/**
 * Refuses anyone outside `group` with Camunda's error shape. The core mounts the routers behind
 * its own group check too; this one keeps a router safe wherever it is mounted.
 */
export function onlyGroup(group: string) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const user = SignedInUser.safeParse(res.locals.user);
    if (!user.success) {
      res.status(401).json({ type: "AuthenticationException", message: "Sign in first." });
      return;
    }
    if (!user.data.groups.includes(group)) {
      res.status(403).json({ type: "AuthorizationException", message: `Only members of ${group} may use this.` });
      return;
    }
    next();
  };
}
