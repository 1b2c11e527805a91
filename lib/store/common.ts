import { z } from "zod";

/** A case reference as in docs/contracts.md (`NIV-2026-000123`). */
export const CaseRef = z.string().regex(/^NIV-\d{4}-\d{6}$/, "must look like NIV-2026-000123");
/** Who did something: an engine user id, or a worker's name. */
export const Actor = z.string().trim().min(1).max(200);
/** Both drivers return timestamptz as Date; coercion also accepts the ISO strings of JSON. */
export const Timestamp = z.coerce.date();
