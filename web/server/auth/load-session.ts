import type { NextFunction, Request, Response } from "express";
import type { Store } from "../../../lib/store/index.js";
import { SESSION_HOURS, sessionTokenOf } from "./session-cookie.js";
import type { SignedInUser } from "./user.js";

export interface SessionDeps {
  store: Store;
  nameOf: (userId: string) => Promise<string>;
  /** the user's groups in the engine now, or null when it has no such user (engine-identity.ts) */
  groupsOf: (userId: string) => Promise<string[] | null>;
  now: () => Date;
  /** how old a session's last check of its user may be before the engine is asked again */
  recheckMs: number;
}

/**
 * Puts the session's user and CSRF token on `res.locals` when the cookie names a live session:
 * not idle for SESSION_HOURS and not past its absolute end. Sessions live in the store, so any
 * instance of the web app can serve any request; so does the time of their last re-check, so
 * however many processes serve a user, the engine is asked again once `recheckMs` has passed: a
 * user the engine no longer has loses every session, and one removed from a group loses what
 * the group gave.
 */
export function loadSession(deps: SessionDeps) {
  const { store } = deps;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = sessionTokenOf(req);
    if (!token) return next();
    const at = deps.now();
    const session = await store.sessions.get(token, at);
    if (!session) return next();
    let groups = session.groups;
    if (at.getTime() - session.checkedAt.getTime() >= deps.recheckMs) {
      // an engine that cannot answer fails the request (502): the session is neither trusted nor ended
      const current = await deps.groupsOf(session.userId);
      if (current === null) {
        await store.transaction(async (tx) => {
          await tx.audit.append({ actor: session.userId, action: "auth.sessions-ended", detail: { reason: "user-removed" }, at });
          await tx.sessions.endAllOf(session.userId, at);
        });
        return next();
      }
      await store.sessions.recheck(token, current, at);
      groups = current;
    }
    // sliding expiry, written at most once an hour per session rather than on every request
    const renewed = at.getTime() + SESSION_HOURS * 3_600_000;
    if (renewed - session.expiresAt.getTime() >= 3_600_000) await store.sessions.touch(token, at, new Date(renewed));
    const user: SignedInUser = { id: session.userId, groups, name: await deps.nameOf(session.userId) };
    res.locals.user = user;
    res.locals.csrfToken = session.csrfToken;
    next();
  };
}
