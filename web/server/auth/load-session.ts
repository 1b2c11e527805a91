import type { NextFunction, Request, Response } from "express";
import type { Store } from "../../../lib/store/index.js";
import { SESSION_HOURS, sessionTokenOf } from "./session-cookie.js";
import type { SignedInUser } from "./user.js";

/**
 * Puts the session's user and CSRF token on `res.locals` when the cookie names a live session.
 * Sessions live in the store, so any instance of the web app can serve any request. A session
 * unused for SESSION_HOURS ends.
 */
export function loadSession(store: Store, nameOf: (userId: string) => Promise<string>, now: () => Date) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = sessionTokenOf(req);
    if (token) {
      const at = now();
      const session = await store.sessions.get(token, at);
      if (session) {
        // sliding expiry, written at most once an hour per session rather than on every request
        const renewed = at.getTime() + SESSION_HOURS * 3_600_000;
        if (renewed - session.expiresAt.getTime() >= 3_600_000) await store.sessions.touch(token, at, new Date(renewed));
        const user: SignedInUser = { id: session.userId, groups: session.groups, name: await nameOf(session.userId) };
        res.locals.user = user;
        res.locals.csrfToken = session.csrfToken;
      }
    }
    next();
  };
}
