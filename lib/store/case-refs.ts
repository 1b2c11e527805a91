import { z } from "zod";
import type { Database } from "./database.js";
import { parseInput } from "./validate.js";

/** The year a reference carries (the year the case began, in Finland's time zone). */
const Year = z.number().int().min(2000).max(9999);

export interface CaseRefsRepository {
  /**
   * A new case reference `NIV-<year>-<6 digits>` (`NIV-2026-000123`). Its number comes from one
   * database sequence, so no two calls, in any process sharing the store, ever get the same one.
   */
  next(year: number): Promise<string>;
}

export function caseRefsRepository(db: Database): CaseRefsRepository {
  return {
    async next(year) {
      const y = parseInput(Year, year, "case reference year");
      const [row] = await db.query<{ n: number }>("SELECT nextval('case_ref_numbers')::integer AS n");
      return `NIV-${y}-${String(row!.n).padStart(6, "0")}`;
    },
  };
}
