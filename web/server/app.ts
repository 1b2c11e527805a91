import express from "express";
import { fileURLToPath } from "node:url";
import type { EngineConnection } from "../../lib/config.js";
import type { EngineClient } from "../../lib/engine/client.js";
import type { Store } from "../../lib/store/index.js";
import { apiErrors } from "./api-errors.js";
import { storeAuditPort } from "./audit.js";
import { auditRouter } from "./audit-router.js";
import { requireCsrf } from "./auth/csrf.js";
import { engineGroups } from "./auth/engine-identity.js";
import { loadSession } from "./auth/load-session.js";
import { loginRouter } from "./auth/login-router.js";
import { requireGroup, requireUser } from "./auth/require-group.js";
import { DEFAULT_SIGN_IN_LIMITS, type SignInLimits } from "./auth/sign-in-throttle.js";
import { userNames } from "./auth/user-names.js";
import { cockpitRouter } from "./cockpit/router.js";
import { modelerRouter } from "./modeler/router.js";
import { notFound } from "./problems.js";
import { readRequest } from "./request-text.js";
import { listRoutes } from "./route-list.js";
import { assertClassified } from "./route-policy.js";
import { noStore, securityHeaders } from "./security-headers.js";
import { tasklistShell } from "./shell.js";
import { tasklistRouter } from "./tasklist/router.js";
import { accessReportRouter } from "./tasklist/access-report.js";

const TASKLIST_BUILD_DIR = fileURLToPath(new URL("../public/build/tasklist/", import.meta.url));

/** How often a session's user is checked against the engine by default: half the 60 s bound. */
export const DEFAULT_SESSION_RECHECK_MS = 30_000;

export interface AppDeps {
  /** the engine as the app's service account (nivel-app) */
  engine: { connection: EngineConnection; client: EngineClient };
  store: Store;
  now?: () => Date;
  /** failed sign-ins allowed per user name and per address (DEFAULT_SIGN_IN_LIMITS) */
  signInLimits?: SignInLimits;
  /** how old a session's check of its user's existence and groups may grow (DEFAULT_SESSION_RECHECK_MS) */
  sessionRecheckMs?: number;
  /**
   * express's `trust proxy` behind a TLS-terminating proxy (so cookies are Secure and the sign-in
   * limit counts the client's address): the number of proxy hops or their addresses, never
   * `true`, which would let anyone choose their own address and escape the limit.
   */
  trustProxy?: number | string;
  /** where the modeler reads forms from (the repository's forms/ by default) */
  formsDir?: string;
}

/** The whole web app: sign-in, the tasklist API and page, the cockpit and the modeler. */
export function createApp(deps: AppDeps): express.Express {
  const now = deps.now ?? (() => new Date());
  const client = deps.engine.client;
  const groupsOf = engineGroups(client);
  const app = express();
  app.disable("x-powered-by");
  if (deps.trustProxy !== undefined) app.set("trust proxy", deps.trustProxy);
  app.use(securityHeaders(), noStore);
  app.use((_req, res, next) => {
    res.locals.store = deps.store;
    res.locals.now = now;
    next();
  });
  app.use(readRequest());
  const nameOf = userNames(client);
  app.use(loadSession({ store: deps.store, nameOf, groupsOf, now, recheckMs: deps.sessionRecheckMs ?? DEFAULT_SESSION_RECHECK_MS }));

  app.use("/assets/tasklist", express.static(TASKLIST_BUILD_DIR, { fallthrough: false }));
  app.get("/", (_req, res) => {
    res.type("html").send(tasklistShell());
  });
  // the address notices link to (docs/contracts.md); the tasklist shows a case at #/cases/<ref>.
  // No body: express's would repeat the reference in HTML.
  app.get("/tasklist/cases/:caseRef", (req, res) => {
    const caseRef = req.params.caseRef;
    res.status(302).location(/^[\w.-]{1,100}$/.test(caseRef) ? `/#/cases/${encodeURIComponent(caseRef)}` : "/").end();
  });
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });
  app.use(loginRouter({ engine: client, store: deps.store, now, groupsOf, signInLimits: deps.signInLimits ?? DEFAULT_SIGN_IN_LIMITS }));

  const auditPort = storeAuditPort(deps.store, client, now);
  app.use("/cockpit", requireGroup("admin"), requireCsrf, cockpitRouter({ engine: deps.engine, audit: auditPort, now }));
  app.use("/modeler", requireGroup("process-owner"), requireCsrf, modelerRouter({ engine: deps.engine, audit: auditPort, ...(deps.formsDir ? { formsDir: deps.formsDir } : {}) }));
  app.use("/api/audit", requireGroup("admin"), auditRouter());
  app.use("/api", requireUser, requireCsrf, tasklistRouter({ engine: client, store: deps.store, now, nameOf }));
  app.use("/api", requireUser, requireCsrf, accessReportRouter({ engine: client, store: deps.store, nameOf, groupsOf }));
  app.use((_req, _res, next) => next(notFound("No such address.")));
  app.use(apiErrors);
  assertClassified(listRoutes(app));
  return app;
}
