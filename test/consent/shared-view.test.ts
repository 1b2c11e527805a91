import { expect } from "chai";
import { changeOf, grantsInForce, itemsCrossingTo, routingVariables, withdrawnGrants, type Grant } from "../../lib/consent/model.js";
import { crossedItems, visibleVariables } from "../../lib/consent/shared-view.js";
import { consentFromAnswers } from "../../lib/consent/consent-form.js";

const MEMBER = "network:2b1f4a36-8a3e-4d53-9a55-6a1a1d1e2f30" as const;
const grants: Grant[] = [
  { item: "goals", to: "rise" },
  { item: "services", to: "rise" },
  { item: "release-dates", to: "county" },
  { item: "meetings", to: MEMBER },
];
const consent = { grants, validUntil: null };
const values = {
  caseRef: "NIV-2026-000001",
  clientName: "Asiakas",
  meetingSummary: "county's own notes",
  conclusionSummary: "county's conclusion",
  planGoals: "Oma asunto",
  services: ["housing", "substance-abuse", "mental-health"],
  childrenSituation: "child welfare's",
  probationSupport: "RISE's own",
  unplaced: "nobody's",
};

describe("the shared view (one filter for every screen)", () => {
  it("shows RISE the county's data only as consented: goals and services, not the notes, not health services without their items", () => {
    const rise = visibleVariables(values, { side: "rise" }, itemsCrossingTo(consent, "rise", "2026-12-02"));
    expect(rise).to.deep.equal({ caseRef: "NIV-2026-000001", clientName: "Asiakas", planGoals: "Oma asunto", services: ["housing"], probationSupport: "RISE's own" });
    expect(crossedItems(Object.keys(rise), rise, { side: "rise" })).to.deep.equal(["goals", "services"]);
  });

  it("shows the county its own data whole and nothing of RISE's that was not consented to cross to it", () => {
    const county = visibleVariables(values, { side: "county" }, itemsCrossingTo(consent, "county", "2026-12-02"));
    expect(county).to.include({ meetingSummary: "county's own notes", childrenSituation: "child welfare's" });
    expect(county).to.not.have.property("probationSupport");
    expect(county).to.not.have.property("unplaced");
  });

  it("lets the substance-abuse item alone show that service", () => {
    const health = itemsCrossingTo({ grants: [{ item: "substance-abuse-services", to: "rise" }], validUntil: null }, "rise", "2026-12-02");
    expect(visibleVariables({ services: ["housing", "substance-abuse", "mental-health"] }, { side: "rise" }, health)).to.deep.equal({ services: ["substance-abuse"] });
  });

  it("a network member's grants are theirs alone, and nothing crosses once the end date has passed", () => {
    expect([...itemsCrossingTo(consent, MEMBER, "2026-12-02")]).to.deep.equal(["meetings"]);
    expect([...itemsCrossingTo(consent, "network:00000000-0000-4000-8000-000000000000", "2026-12-02")]).to.deep.equal([]);
    expect(grantsInForce({ grants, validUntil: "2026-12-01" }, "2026-12-02")).to.deep.equal([]);
    expect(grantsInForce({ grants, validUntil: "2026-12-02" }, "2026-12-02")).to.have.length(4);
  });

  it("names each version's change, the withdrawn grants and the pathways' routing", () => {
    expect(changeOf(null, [])).to.equal("declined");
    expect(changeOf(null, grants)).to.equal("given");
    expect(changeOf(grants, grants.slice(1))).to.equal("withdrawn-partly");
    expect(changeOf(grants, [...grants, { item: "contact-details", to: "rise" }])).to.equal("extended");
    expect(changeOf(grants, [])).to.equal("withdrawn");
    expect(withdrawnGrants(grants, grants.slice(2))).to.deep.equal(grants.slice(0, 2));
    expect(routingVariables(grants)).to.deep.equal({ consentGiven: true, consentItems: ["goals", "release-dates", "services"] });
    expect(routingVariables([{ item: "meetings", to: MEMBER }])).to.deep.equal({ consentGiven: false, consentItems: [] });
  });

  it("reads the consent form: a yes with nothing ticked is refused, a no shares nothing", () => {
    const base = { consentPurpose: "Arviointi", consentGivenHow: "in-writing" };
    expect(consentFromAnswers({ ...base, consentGiven: true })).to.deep.equal({ ok: false, field: "consentToRise" });
    expect(consentFromAnswers({ ...base, consentGiven: false, consentToRise: ["goals"] })).to.deep.equal({
      ok: true,
      consent: { grants: [], purpose: "Arviointi", givenHow: "in-writing", validUntil: null },
    });
    const yes = consentFromAnswers({ ...base, consentGiven: true, consentToRise: ["goals"], consentToCounty: ["release-dates"], consentUntil: "2027-06-30" });
    expect(yes).to.deep.equal({
      ok: true,
      consent: { grants: [{ item: "release-dates", to: "county" }, { item: "goals", to: "rise" }], purpose: "Arviointi", givenHow: "in-writing", validUntil: "2027-06-30" },
    });
  });
});
