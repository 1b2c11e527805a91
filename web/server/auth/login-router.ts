import express from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";
import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import { PreferredLanguage, type Store } from "../../../lib/store/index.js";
import { requireCsrf } from "./csrf.js";
import { requireUser } from "./require-group.js";
import { SESSION_ABSOLUTE_HOURS, SESSION_COOKIE, SESSION_HOURS, sessionCookieOptions, sessionTokenOf } from "./session-cookie.js";
import { currentUser } from "./user.js";

const LanguageChoice = z.object({ language: PreferredLanguage });
const Credentials = z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(500) });

export interface LoginDeps {
  engine: EngineClient;
  store: Store;
  now: () => Date;
  /** failed or successful sign-ins allowed per address in 15 minutes */
  loginAttemptsPer15Min: number;
}

/** Sign-in against the engine's identity service (with the server's admin credentials), sign-out, and who am I. */
export function loginRouter(deps: LoginDeps): express.Router {
  const router = express.Router();
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: deps.loginAttemptsPer15Min,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ type: "TooManyRequests", message: "Too many sign-in attempts. Wait a while and try again." });
    },
  });

  router.post("/api/login", limiter, express.json({ limit: "10kb" }), async (req, res) => {
    // there is no session (and so no CSRF token) yet: a cross-site sign-in is refused by its Origin
    const origin = req.get("origin");
    if (origin && origin !== `${req.protocol}://${req.get("host")}`) {
      res.status(403).json({ type: "CsrfException", message: "Sign in from Nivel's own page." });
      return;
    }
    const { username, password } = Credentials.parse(req.body);
    const verified = unwrap(await deps.engine.POST("/identity/verify", { body: { username, password } }));
    if (!verified.authenticated) {
      res.status(401).json({ type: "AuthenticationException", message: "Wrong username or password." });
      return;
    }
    const info = unwrap(await deps.engine.GET("/identity/groups", { params: { query: { userId: username } } }));
    const groups = (info.groups ?? []).map((g) => g.id).filter((id): id is string => typeof id === "string");
    const now = deps.now();
    const { token, session } = await deps.store.sessions.create({
      userId: username,
      groups,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000),
    });
    res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(req), maxAge: SESSION_HOURS * 3_600_000 });
    res.json({ id: session.userId, groups: session.groups, csrfToken: session.csrfToken });
  });

  router.post("/api/logout", requireUser, requireCsrf, async (req, res) => {
    const token = sessionTokenOf(req);
    if (token) await deps.store.sessions.delete(token);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
    res.status(204).end();
  });

  router.get("/api/me", requireUser, async (_req, res) => {
    const user = currentUser(res);
    res.json({ ...user, csrfToken: res.locals.csrfToken, language: await deps.store.preferences.languageOf(user.id) });
  });

  // the tasklist's language is also the language of the user's notices (workers/notifications)
  router.put("/api/me/language", requireUser, requireCsrf, express.json({ limit: "1kb" }), async (req, res) => {
    const { language } = LanguageChoice.parse(req.body);
    await deps.store.preferences.setLanguage(currentUser(res).id, language, deps.now());
    res.status(204).end();
  });
  return router;
}
