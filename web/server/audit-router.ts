import express from "express";
import { z } from "zod";
import type { Store } from "../../lib/store/index.js";

const Query = z.object({
  caseRef: z.string().optional(),
  actor: z.string().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** The audit log for admins; mounted behind requireGroup("admin"). */
export function auditRouter(store: Store): express.Router {
  const router = express.Router();
  router.get("/", async (req, res) => {
    res.json(await store.audit.query(Query.parse(req.query)));
  });
  return router;
}
