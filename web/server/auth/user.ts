import type { Response } from "express";
import { z } from "zod";

/** The signed-in user every router finds on `res.locals.user`. */
export const SignedInUser = z.object({ id: z.string().min(1), groups: z.array(z.string()), name: z.string() });
export type SignedInUser = z.infer<typeof SignedInUser>;

/** The signed-in user; only called behind `requireUser`, so a missing user is a programming error. */
export function currentUser(res: Response): SignedInUser {
  return SignedInUser.parse(res.locals.user);
}
