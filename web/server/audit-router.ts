import express from "express";
import { z } from "zod";
import type { Store } from "../../lib/store/index.js";
import { audit } from "./audit.js";

const Query = z.object({
  caseRef: z.string().optional(),
  actor: z.string().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** The audit log for admins; mounted behind requireGroup("admin"). Reading it is itself recorded. */
export function auditRouter(): express.Router {
  const router = express.Router();
  router.get("/", async (req, res) => {
    const filter = Query.parse(req.query);
    const entries = await (res.locals.store as Store).audit.query(filter);
    await audit(res, "audit.read", null, {
      ...(filter.caseRef ? { caseRef: filter.caseRef } : {}),
      ...(filter.actor ? { actor: filter.actor } : {}),
      entries: entries.length,
    });
    res.json(entries);
  });
  return router;
}
