import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { BpmnModdle } from "bpmn-moddle";
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json') as Record<string, unknown>;
type Report = { id: string; message: string; category: string };
// bpmnlint ships no type declarations; these are the parts its README documents
const { Linter } = require('bpmnlint') as { Linter: new (o: { config: unknown; resolver: unknown }) => { lint(root: unknown): Promise<Record<string, Report[]>> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;
const processesDir = 'processes';
const formsDir = 'forms';
const bpmnFiles = readdirSync(processesDir).filter((f) => f.endsWith('.bpmn'));

type Bounds = { x: number; y: number; width: number; height: number };
type Element = { $type: string; id: string; flowElements?: Element[]; formRef?: string; bounds?: Bounds; bpmnElement?: Element; planeElement?: Element[] };

async function parse(file: string) {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  return moddle.fromXML(readFileSync(join(processesDir, file), 'utf8'));
}

function flowElements(container: Element): Element[] {
  return (container.flowElements ?? []).flatMap((e) => [e, ...flowElements(e)]);
}

const overlaps = (a: Bounds, b: Bounds) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('pathway diagrams', () => {
  it('there are processes to check', () => {
    expect(bpmnFiles).to.include('joint-assessment.bpmn');
  });

  for (const file of bpmnFiles) {
    describe(file, () => {
      it('passes bpmnlint with the project configuration without errors', async () => {
        const { rootElement } = await parse(file);
        const config = JSON.parse(readFileSync('.bpmnlintrc', 'utf8'));
        const linter = new Linter({ config, resolver: new NodeResolver() });
        const reports = await linter.lint(rootElement);
        const errors = Object.entries(reports).flatMap(([rule, list]) =>
          list.filter((r) => r.category === 'error').map((r) => `${rule}: ${r.id} ${r.message}`));
        expect(errors).to.deep.equal([]);
      });

      it('every formRef names a form in forms/ that parses with a matching id', async () => {
        const { rootElement } = await parse(file);
        const processes = (rootElement as unknown as { rootElements: Element[] }).rootElements.filter((e) => e.$type === 'bpmn:Process');
        const refs = processes.flatMap(flowElements).filter((e) => e.$type === 'bpmn:UserTask').map((e) => e.formRef);
        expect(refs).to.not.include(undefined);
        for (const ref of refs) {
          const path = join(formsDir, `${ref}.form`);
          expect(existsSync(path), path).to.equal(true);
          const form = JSON.parse(readFileSync(path, 'utf8'));
          expect(form.id).to.equal(ref);
          expect(form.executionPlatform).to.equal('Camunda Platform');
        }
      });

      it('draws every flow node and flow, and no two shapes in the same container overlap', async () => {
        const { rootElement } = await parse(file);
        const defs = rootElement as unknown as { rootElements: Element[]; diagrams: { plane: Element }[] };
        const elements = defs.rootElements.filter((e) => e.$type === 'bpmn:Process').flatMap(flowElements);
        const planeElements = defs.diagrams.flatMap((d) => d.plane.planeElement ?? []);
        const drawn = new Set(planeElements.map((p) => p.bpmnElement?.id));
        expect(elements.map((e) => e.id).filter((id) => !drawn.has(id))).to.deep.equal([]);

        const parentOf = new Map<string, string>();
        const record = (container: Element) => (container.flowElements ?? []).forEach((e) => { parentOf.set(e.id, container.id); record(e); });
        defs.rootElements.filter((e) => e.$type === 'bpmn:Process').forEach(record);
        const shapes = planeElements.filter((p) => p.$type === 'bpmndi:BPMNShape' && p.bpmnElement?.$type !== 'bpmn:BoundaryEvent');
        const clashes: string[] = [];
        shapes.forEach((a, i) => shapes.slice(i + 1).forEach((b) => {
          const [ia, ib] = [a.bpmnElement!.id, b.bpmnElement!.id];
          const nested = parentOf.get(ia) === ib || parentOf.get(ib) === ia;
          if (!nested && overlaps(a.bounds!, b.bounds!)) clashes.push(`${ia} / ${ib}`);
        }));
        expect(clashes).to.deep.equal([]);
      });
    });
  }
});
