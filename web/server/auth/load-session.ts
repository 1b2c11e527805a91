import type { NextFunction, Request, Response } from "express";
import type { Store } from "../../../lib/store/index.js";
import { sessionTokenOf } from "./session-cookie.js";
import type { SignedInUser } from "./user.js";

/**
 * Puts the session's user and CSRF token on `res.locals` when the cookie names a live session.
 * Sessions live in the store, so any instance of the web app can serve any request.
 */
export function loadSession(store: Store, nameOf: (userId: string) => Promise<string>, now: () => Date) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = sessionTokenOf(req);
    if (token) {
      const session = await store.sessions.get(token, now());
      if (session) {
        const user: SignedInUser = { id: session.userId, groups: session.groups, name: await nameOf(session.userId) };
        res.locals.user = user;
        res.locals.csrfToken = session.csrfToken;
      }
    }
    next();
  };
}
