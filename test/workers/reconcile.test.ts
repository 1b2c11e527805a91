import { expect } from "chai";
import { PlanContent, type ConsentItem, type Plan } from "../../workers/plans/plan-model.js";
import { reconcile } from "../../workers/plans/reconcile.js";

const ALL: ReadonlySet<ConsentItem> = new Set(["goals", "services", "substance-abuse-services", "mental-health-services", "release-dates", "contact-details"]);

function rise(overrides: Partial<Plan> = {}): Plan {
  return PlanContent.parse({
    releaseDate: "2026-12-07",
    goals: [{ area: "housing", text: "Oma vuokra-asunto vapautuessa" }],
    services: [
      {
        kind: "substance-abuse",
        provider: "A-klinikka",
        start: "2026-09-01",
        end: null,
        responsible: "rise.virtanen",
        continuesAfterRelease: true,
      },
      { kind: "work-study", provider: "Vankilan opetus", start: "2026-08-01", end: "2026-12-07", responsible: null },
    ],
    contacts: [{ role: "erityisohjaaja", name: "Riikka Virtanen" }],
    ...overrides,
  });
}

function county(overrides: Partial<Plan> = {}): Plan {
  return PlanContent.parse({
    releaseDate: "2026-12-07",
    goals: [
      { area: "housing", text: "Asunto ensimmäisestä päivästä" },
      { area: "income", text: "Toimeentulotuki haettu ennen vapautumista" },
    ],
    services: [{ kind: "housing", provider: "Y-Säätiö", start: "2026-12-07", end: null, responsible: "sw.nieminen" }],
    contacts: [{ role: "omatyöntekijä", name: "Sanna Nieminen" }],
    reviewDate: "2027-03-01",
    ...overrides,
  });
}

describe("plan reconciliation (pure)", () => {
  it("adds a service started in prison that must continue after release to the client plan as a continuation", () => {
    const result = reconcile(rise(), county(), ALL);
    expect(result.status).to.equal("synced");
    expect(result.conflicts).to.deep.equal([]);
    expect(result.continuations).to.deep.equal([
      {
        kind: "substance-abuse",
        provider: "A-klinikka",
        start: null,
        end: null,
        responsible: "rise.virtanen",
        continuesAfterRelease: false,
        continuationOf: "rise",
      },
    ]);
    expect(result.joint.services?.county.map((s) => s.kind)).to.deep.equal(["housing", "substance-abuse"]);
    // a service that ends on the release day does not continue
    expect(result.continuations.map((s) => s.kind)).not.to.include("work-study");
  });

  it("does not add a continuation the client plan already has", () => {
    const arranged = county({
      services: [
        { kind: "substance-abuse", provider: "A-klinikka", start: "2026-12-07", end: null, responsible: "sw.nieminen", continuesAfterRelease: false },
      ],
    });
    const result = reconcile(rise(), arranged, ALL);
    expect(result.continuations).to.deep.equal([]);
    expect(result.status).to.equal("synced");
  });

  it("aligns the goals of both plans by life area", () => {
    const { joint } = reconcile(rise(), county(), ALL);
    expect(joint.goals).to.deep.equal([
      { area: "housing", rise: ["Oma vuokra-asunto vapautuessa"], county: ["Asunto ensimmäisestä päivästä"] },
      { area: "income", rise: [], county: ["Toimeentulotuki haettu ennen vapautumista"] },
    ]);
  });

  it("lists different release dates as a conflict instead of choosing one", () => {
    const result = reconcile(rise(), county({ releaseDate: "2026-12-14" }), ALL);
    expect(result.status).to.equal("conflicts");
    expect(result.conflicts).to.deep.equal([{ kind: "release-date-mismatch", rise: "2026-12-07", county: "2026-12-14" }]);
    expect(result.joint.releaseDate).to.deep.equal({ rise: "2026-12-07", county: "2026-12-14" });
  });

  it("lists a service that must continue but has no provider on the release day", () => {
    const noProvider = rise({
      services: [{ kind: "mental-health", provider: null, start: "2026-10-01", end: null, responsible: null, continuesAfterRelease: true }],
    });
    const endsEarly = county({
      services: [{ kind: "housing", provider: null, start: "2026-12-07", end: null, responsible: "sw.nieminen", continuesAfterRelease: false }],
    });
    const result = reconcile(noProvider, endsEarly, ALL);
    expect(result.conflicts).to.have.deep.members([
      { kind: "no-provider-on-release-day", service: "mental-health" },
      { kind: "no-provider-on-release-day", service: "housing" },
    ]);
    expect(result.status).to.equal("conflicts");
  });

  it("lists contradicting arrangements (same service, overlapping, different providers) but not a handover on the release day", () => {
    const twoProviders = county({
      services: [
        { kind: "substance-abuse", provider: "Sininauha", start: "2026-12-07", end: null, responsible: "sw.nieminen", continuesAfterRelease: false },
        { kind: "work-study", provider: "Ohjaamo", start: "2026-12-07", end: null, responsible: "sw.nieminen", continuesAfterRelease: false },
      ],
    });
    const result = reconcile(rise(), twoProviders, ALL);
    expect(result.conflicts).to.deep.equal([
      { kind: "contradicting-arrangement", service: "substance-abuse", riseProvider: "A-klinikka", countyProvider: "Sininauha" },
    ]);
    expect(result.continuations).to.deep.equal([]);
  });

  it("shares nothing without consent, whatever the plans say", () => {
    for (const shared of [new Set<ConsentItem>(), new Set<ConsentItem>(["meetings", "meeting-notes", "assessment-outcome"])]) {
      const result = reconcile(rise(), county({ releaseDate: "2026-12-14" }), shared);
      expect(result).to.deep.equal({
        status: "no-consent",
        joint: { shared: [], releaseDate: null, goals: null, services: null, contacts: null },
        conflicts: [],
        continuations: [],
      });
    }
  });

  it("shares only the consented items", () => {
    const result = reconcile(rise(), county({ releaseDate: "2026-12-14" }), new Set(["goals"]));
    expect(result.joint.shared).to.deep.equal(["goals"]);
    expect(result.joint.goals).to.have.length(2);
    expect(result.joint.services).to.equal(null);
    expect(result.joint.contacts).to.equal(null);
    expect(result.joint.releaseDate).to.equal(null);
    // the release dates differ, but comparing them would disclose RISE's date to the county
    expect(result.conflicts).to.deep.equal([]);
    expect(result.continuations).to.deep.equal([]);
    expect(result.status).to.equal("synced");
  });

  it("keeps substance-abuse and mental-health services, and goals in those areas, to their own items", () => {
    const plan = rise({ goals: [{ area: "substance-abuse", text: "Raittius" }, { area: "housing", text: "Asunto" }] });
    const result = reconcile(plan, county(), new Set(["goals", "services"]));
    expect(result.joint.goals?.flatMap((g) => g.rise)).to.deep.equal(["Asunto"]);
    expect(result.joint.services?.rise.map((s) => s.kind)).to.deep.equal(["work-study"]);
    // the hidden service is neither continued nor compared
    expect(result.continuations).to.deep.equal([]);
    const withItem = reconcile(plan, county(), new Set(["goals", "services", "substance-abuse-services"]));
    expect(withItem.joint.goals?.flatMap((g) => g.rise)).to.include("Raittius");
    expect(withItem.continuations.map((s) => s.kind)).to.deep.equal(["substance-abuse"]);
  });
});
