import { unwrap, type EngineClient } from "../../lib/engine/client.js";
import { itemsCrossingTo, type ConsentItem, type ConsentVersion, type Recipient as ConsentRecipient } from "../../lib/consent/model.js";
import { organisationOf, sideOfOrganisation } from "../../lib/organisations/case-groups.js";
import { helsinkiDate } from "../../lib/time/helsinki-date.js";
import type { Recipient } from "./recipients.js";
import type { TemplateId } from "./templates/catalogue.js";

/**
 * The county's data a template's notice carries beyond the case reference and the link: a meeting
 * invitation tells the meeting's time and place. Every other template carries nothing else
 * (render.ts), so it goes to whoever the diagram names.
 */
const DISCLOSES: Partial<Record<TemplateId, ConsentItem>> = { "meeting-invitation": "meetings" };

/**
 * The recipients who may receive the notice under the client's consent as it stands now
 * (DOMAIN.md: what crosses follows consent): the county's own staff always; RISE's staff only when
 * the item crosses to RISE; a network member only when it was granted to them by name. Staff of
 * neither organisation receive none of it.
 */
export async function consentedRecipients(
  engine: EngineClient,
  template: TemplateId,
  recipients: Recipient[],
  consent: Pick<ConsentVersion, "grants" | "validUntil"> | null,
  now: Date,
): Promise<Recipient[]> {
  const item = DISCLOSES[template];
  if (!item) return recipients;
  const today = helsinkiDate(now);
  const crosses = (to: ConsentRecipient) => itemsCrossingTo(consent, to, today).has(item);
  const kept: Recipient[] = [];
  for (const r of recipients) {
    if (r.key.startsWith("network:")) {
      if (crosses(r.key as ConsentRecipient)) kept.push(r);
      continue;
    }
    if (!r.userId) continue;
    const groups = unwrap(await engine.GET("/group", { params: { query: { member: r.userId } } })).map((g) => g.id!);
    const organisation = organisationOf(groups);
    const side = organisation ? sideOfOrganisation(organisation) : null;
    if (side === "county" || (side === "rise" && crosses("rise"))) kept.push(r);
  }
  return kept;
}
