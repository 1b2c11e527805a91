import type express from "express";
import { z } from "zod";
import type { Store } from "../../../lib/store/index.js";
import { audit, auditedStoreChange } from "../audit.js";

const UserIdParam = z.string().trim().min(1).max(200);

/**
 * Who is signed in, and ending a user's sessions: for an account that was misused, a device
 * that was lost, or a person who left before the engine's groups caught up. Mounted in the
 * cockpit, so admins only. Ending is audited with the store change in one transaction.
 */
export function sessionRoutes(router: express.Router, now: () => Date): void {
  router.get("/api/sessions", async (_req, res) => {
    const users = await (res.locals.store as Store).sessions.signedIn(now());
    await audit(res, "cockpit.sessions", null, { users: users.length });
    res.json(users.map((u) => ({ userId: u.userId, sessions: u.sessions, lastSignIn: u.lastSignIn.toISOString() })));
  });

  router.post("/api/sessions/:userId/end", async (req, res) => {
    const userId = UserIdParam.parse(req.params.userId);
    const ended = await auditedStoreChange(res, "sessions.end", null, { userId }, (tx) => tx.sessions.endAllOf(userId, now()));
    res.json({ userId, ended });
  });
}
