import express from "express";
import { fileURLToPath } from "node:url";
import type { EngineConnection } from "../../lib/config.js";
import type { EngineClient } from "../../lib/engine/client.js";
import type { Store } from "../../lib/store/index.js";
import { apiErrors } from "./api-errors.js";
import { storeAuditPort } from "./audit.js";
import { auditRouter } from "./audit-router.js";
import { requireCsrf } from "./auth/csrf.js";
import { loadSession } from "./auth/load-session.js";
import { loginRouter } from "./auth/login-router.js";
import { requireGroup, requireUser } from "./auth/require-group.js";
import { userNames } from "./auth/user-names.js";
import { cockpitRouter } from "./cockpit/router.js";
import { modelerRouter } from "./modeler/router.js";
import { securityHeaders } from "./security-headers.js";
import { tasklistShell } from "./shell.js";
import { tasklistRouter } from "./tasklist/router.js";

const TASKLIST_BUILD_DIR = fileURLToPath(new URL("../public/build/tasklist/", import.meta.url));

export interface AppDeps {
  engine: { connection: EngineConnection; client: EngineClient };
  store: Store;
  now?: () => Date;
  /** sign-in attempts allowed per address in 15 minutes (default 10) */
  loginAttemptsPer15Min?: number;
  /**
   * express's `trust proxy` behind a TLS-terminating proxy (so cookies are Secure and the rate
   * limit keys on the client's address): the number of proxy hops or their addresses, never
   * `true`, which would let anyone choose their own address and escape the sign-in limit.
   */
  trustProxy?: number | string;
  /** where the modeler reads forms from (the repository's forms/ by default) */
  formsDir?: string;
}

/** The whole web app: sign-in, the tasklist API and page, the cockpit and the modeler. */
export function createApp(deps: AppDeps): express.Express {
  const now = deps.now ?? (() => new Date());
  const client = deps.engine.client;
  const app = express();
  app.disable("x-powered-by");
  if (deps.trustProxy !== undefined) app.set("trust proxy", deps.trustProxy);
  app.use(securityHeaders());
  app.use((_req, res, next) => {
    res.locals.store = deps.store;
    res.locals.now = now;
    next();
  });
  app.use(loadSession(deps.store, userNames(client), now));

  app.use("/assets/tasklist", express.static(TASKLIST_BUILD_DIR, { fallthrough: false }));
  app.get("/", (_req, res) => {
    res.type("html").send(tasklistShell());
  });
  // the address notices link to (docs/contracts.md); the tasklist shows a case at #/cases/<ref>
  app.get("/tasklist/cases/:caseRef", (req, res) => {
    const caseRef = req.params.caseRef;
    res.redirect(302, /^[\w.-]{1,100}$/.test(caseRef) ? `/#/cases/${encodeURIComponent(caseRef)}` : "/");
  });
  app.get("/favicon.ico", (_req, res) => {
    res.status(204).end();
  });
  app.use(loginRouter({ engine: client, store: deps.store, now, loginAttemptsPer15Min: deps.loginAttemptsPer15Min ?? 10 }));

  const auditPort = storeAuditPort(deps.store, client, now);
  app.use("/cockpit", requireGroup("admin"), requireCsrf, cockpitRouter({ engine: deps.engine, audit: auditPort, now }));
  app.use("/modeler", requireGroup("process-owner"), requireCsrf, modelerRouter({ engine: deps.engine, audit: auditPort, ...(deps.formsDir ? { formsDir: deps.formsDir } : {}) }));
  app.use("/api/audit", requireGroup("admin"), auditRouter(deps.store));
  app.use("/api", requireUser, requireCsrf, tasklistRouter({ engine: client, store: deps.store, now }));
  app.use("/api", (_req, res) => {
    res.status(404).json({ type: "NotFound", message: "No such API." });
  });
  app.use(apiErrors);
  return app;
}
