import express from "express";
import { z } from "zod";
import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import { PreferredLanguage, type Store } from "../../../lib/store/index.js";
import { auditedStoreChange } from "../audit.js";
import { ApiProblem } from "../problems.js";
import { withBody } from "../route-body.js";
import { requireCsrf } from "./csrf.js";
import { requireUser } from "./require-group.js";
import { SESSION_ABSOLUTE_HOURS, SESSION_COOKIE, SESSION_HOURS, sessionCookieOptions, sessionTokenOf } from "./session-cookie.js";
import { signInThrottle, type SignInLimits } from "./sign-in-throttle.js";
import { currentUser } from "./user.js";

const LanguageChoice = z.object({ language: PreferredLanguage });
const Credentials = z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(500) });

export interface LoginDeps {
  engine: EngineClient;
  store: Store;
  now: () => Date;
  groupsOf: (userId: string) => Promise<string[] | null>;
  signInLimits: SignInLimits;
}

const HOUR = 3_600_000;

/** Sign-in against the engine's identity service (with the app's service account), sign-out, and who am I. */
export function loginRouter(deps: LoginDeps): express.Router {
  const router = express.Router();

  router.post(
    "/api/login",
    // there is no session (and so no CSRF token) yet: a cross-site sign-in is refused by its Origin
    (req, _res, next) => {
      const origin = req.get("origin");
      next(origin && origin !== `${req.protocol}://${req.get("host")}` ? new ApiProblem(403, "CsrfException", "cross-site-sign-in", "Sign in from Nivel's own page.") : undefined);
    },
    ...signInThrottle(deps.store, deps.now, deps.signInLimits),
    withBody(Credentials, async (req, res, { username, password }) => {
      const at = deps.now();
      const verified = unwrap(await deps.engine.POST("/identity/verify", { body: { username, password } }));
      const groups = verified.authenticated ? await deps.groupsOf(username) : null;
      if (!groups) {
        // who tried and from where: the log's reader needs both to see guessing
        await deps.store.audit.append({ actor: username, action: "auth.sign-in-failed", detail: { address: req.ip ?? null }, at });
        throw new ApiProblem(401, "AuthenticationException", "wrong-credentials", "Wrong username or password.");
      }
      const { token, session } = await deps.store.transaction(async (tx) => {
        await tx.audit.append({ actor: username, action: "auth.sign-in", detail: { address: req.ip ?? null }, at });
        return tx.sessions.create({
          userId: username,
          groups,
          createdAt: at,
          expiresAt: new Date(at.getTime() + SESSION_HOURS * HOUR),
          absoluteExpiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_HOURS * HOUR),
        });
      });
      // the browser keeps the cookie until the absolute end; the store ends an idle session sooner
      res.cookie(SESSION_COOKIE, token, { ...sessionCookieOptions(req), maxAge: SESSION_ABSOLUTE_HOURS * HOUR });
      res.json({ id: session.userId, groups: session.groups, csrfToken: session.csrfToken });
    }),
  );

  router.post("/api/logout", requireUser, requireCsrf, async (req, res) => {
    const token = sessionTokenOf(req);
    await auditedStoreChange(res, "auth.sign-out", null, {}, async (tx) => {
      if (token) await tx.sessions.delete(token);
    });
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req));
    res.status(204).end();
  });

  router.get("/api/me", requireUser, async (_req, res) => {
    const user = currentUser(res);
    res.json({ ...user, csrfToken: res.locals.csrfToken, language: await deps.store.preferences.languageOf(user.id) });
  });

  // the tasklist's language is also the language of the user's notices (workers/notifications)
  router.put(
    "/api/me/language",
    requireUser,
    requireCsrf,
    withBody(LanguageChoice, async (_req, res, { language }) => {
      const user = currentUser(res);
      await auditedStoreChange(res, "preferences.language", null, { language }, (tx) => tx.preferences.setLanguage(user.id, language, deps.now()));
      res.status(204).end();
    }),
  );
  return router;
}
