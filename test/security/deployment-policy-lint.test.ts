import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { BpmnModdle } from "bpmn-moddle";
import { ACCEPTED, REFUSED } from "./deployment-policy/cases.js";
import { policyDocument } from "./deployment-policy/document.js";
import { EDGE_CASES, NORMALIZED_CASES, type EdgeCase } from "./deployment-policy/edge-cases.js";
import { EnginePolicy, type Refusal } from "./deployment-policy/engine-policy.js";

const require = createRequire(import.meta.url);
const camundaModdle = require("camunda-bpmn-moddle/resources/camunda.json") as Record<string, unknown>;
type Report = { id?: string; message: string; category: string };
type ModdleRoot = Parameters<BpmnModdle["toXML"]>[0];
// bpmnlint ships no type declarations; these are the parts its README documents
const { Linter } = require("bpmnlint") as { Linter: new (o: { config: unknown; resolver: unknown }) => { lint(root: unknown): Promise<Record<string, Report[]>> } };
const NodeResolver = require("bpmnlint/lib/resolver/node-resolver") as new () => unknown;

const RULE = "nivel/deployment-policy";
const pathways = readdirSync("processes").filter((f) => f.endsWith(".bpmn")).map((f) => ({ name: f, xml: readFileSync(join("processes", f), "utf8") }));

async function read(xml: string): Promise<ModdleRoot> {
  return (await new BpmnModdle({ camunda: camundaModdle }).fromXML(xml)).rootElement;
}

/** What bpmnlint reports for the tree under a configuration, resolving the plugin as `npm test` and the modeler's bundle do. */
async function lint(root: ModdleRoot, config: unknown = { extends: ["plugin:nivel/recommended"] }): Promise<Record<string, Report[]>> {
  return new Linter({ config, resolver: new NodeResolver() }).lint(root);
}

/** The policy rule's errors as the engine's refusals are compared: [element id, message], in order. */
async function refusals(root: ModdleRoot): Promise<Refusal[]> {
  const reports = await lint(root);
  expect(Object.keys(reports).filter((rule) => rule !== RULE), "the plugin's recommended configuration runs the policy alone").to.deep.equal([]);
  return (reports[RULE] ?? []).map((r): Refusal => {
    expect(r.category, r.message).to.equal("error");
    return [r.id ?? null, r.message];
  });
}

const sorted = (list: Refusal[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
/** an edge case's document; its name stays out of the process's name, where its expression would be judged too */
const documentOf = (c: EdgeCase) => c.xml ?? policyDocument("k", { name: "edge case", body: c.body ?? "", roots: c.roots, refusedAt: null });

/**
 * docs/deployment-policy.md in the modeler: the bpmnlint rule nivel/deployment-policy refuses
 * what the engine refuses, on the element the engine names, in the engine's words.
 */
describe("the deployment policy as a lint rule (bpmnlint-plugin-nivel)", function () {
  this.timeout(120_000);

  it(`refuses each of the ${REFUSED.length} refused constructs, on the element the cases name`, async () => {
    const wrong: string[] = [];
    for (const c of REFUSED) {
      const found = await refusals(await read(policyDocument("k", c)));
      if (!found.some(([id]) => id === c.refusedAt)) wrong.push(`${c.name}: ${JSON.stringify(found)}`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it(`accepts the ${ACCEPTED.length} allowed constructs and both pathways`, async () => {
    expect(pathways.map((p) => p.name)).to.include.members(["joint-assessment.bpmn", "release-preparation.bpmn"]);
    const wrong: string[] = [];
    for (const c of [...ACCEPTED.map((a) => ({ name: a.name, xml: policyDocument("k", a) })), ...pathways]) {
      const found = await refusals(await read(c.xml));
      if (found.length) wrong.push(`${c.name}: ${JSON.stringify(found)}`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it("is among the rules of the repository's .bpmnlintrc, as an error", async () => {
    const config = JSON.parse(readFileSync(".bpmnlintrc", "utf8"));
    const reports = await lint(await read(policyDocument("k", REFUSED.find((c) => c.name === "a service task class")!)), config);
    expect((reports[RULE] ?? []).map((r) => [r.id, r.category])).to.deep.equal([["task", "error"]]);
  });

  describe("agrees with the engine's own policy code (engine/src/main/java/fi/nivel/engine/policy)", () => {
    let engine: EnginePolicy;
    before(() => {
      engine = EnginePolicy.compile();
    });
    after(() => engine?.close());

    /** [name, what the lint rule says of the document's tree, what the engine says of `engineReads(xml, tree)`] */
    async function compare(cases: { name: string; xml: string }[], engineReads: (xml: string, tree: ModdleRoot) => Promise<string>) {
      const trees = await Promise.all(cases.map((c) => read(c.xml)));
      const fromEngine = engine.check(await Promise.all(cases.map((c, i) => engineReads(c.xml, trees[i]!))));
      const differences: string[] = [];
      for (const [i, c] of cases.entries()) {
        const lintSays = sorted(await refusals(trees[i]!));
        const engineSays = sorted(fromEngine[i]!);
        if (JSON.stringify(lintSays) !== JSON.stringify(engineSays)) differences.push(`${c.name}\n  lint:   ${JSON.stringify(lintSays)}\n  engine: ${JSON.stringify(engineSays)}`);
      }
      return differences;
    }

    const shared = () => [...REFUSED, ...ACCEPTED].map((c) => ({ name: c.name, xml: policyDocument("k", c) }));
    const edges = () => EDGE_CASES.map((c) => ({ name: c.name, xml: documentOf(c) }));
    const asWritten = async (_xml: string, tree: ModdleRoot) => (await new BpmnModdle({ camunda: camundaModdle }).toXML(tree)).xml;

    it(`on the ${REFUSED.length + ACCEPTED.length} shared cases and both pathways: the same refusals, elements and words`, async () => {
      const cases = [...shared(), ...pathways];
      const differences = await compare(cases, async (xml) => xml);
      expect(differences).to.deep.equal([]);
      // the comparison is of refusals, not of silence: the shared cases are refused by both
      expect(engine.check(cases.slice(0, REFUSED.length).map((c) => c.xml)).every((r) => r.length > 0)).to.equal(true);
    });

    it(`on ${EDGE_CASES.length} documents at the edges of the grammar and of the document`, async () => {
      const cases = edges();
      expect(await compare(cases, async (xml) => xml)).to.deep.equal([]);
      const refused = engine.check(cases.map((c) => c.xml)).filter((r) => r.length > 0).length;
      expect(refused, "both refusals and acceptances are among them").to.be.within(1, cases.length - 1);
    });

    it("on the XML the modeler deploys: bpmn-moddle's own writing of every tree above, and of documents it normalizes", async () => {
      const normalized = NORMALIZED_CASES.map((c) => ({ name: c.name, xml: documentOf(c) }));
      expect(await compare([...shared(), ...pathways, ...edges(), ...normalized], asWritten)).to.deep.equal([]);
      // as written by hand the engine reads these otherwise: the lint rule judges what the modeler deploys
      expect(await compare(normalized, async (xml) => xml)).to.have.length(normalized.length);
    });
  });
});
