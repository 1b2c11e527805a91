import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { BpmnModdle } from "bpmn-moddle";
import { createRequire } from 'node:module';
import { DEADLINE_COMPUTE_TOPIC, DEADLINE_ESCALATE_TOPIC } from '../../workers/deadlines/topics.js';
import { EscalateVariables } from '../../workers/deadlines/escalation.js';
import { NOTIFY_TOPIC } from '../../workers/notifications/notify.js';
import { parseRecipients } from '../../workers/notifications/recipients.js';
import { TemplateId } from '../../workers/notifications/templates/catalogue.js';
import { PLAN_SYNC_TOPIC } from '../../workers/plans/subscribe-plans.js';
import { CANDIDATE_EXPRESSIONS, roleInOrganisation } from '../../lib/organisations/case-groups.js';

const require = createRequire(import.meta.url);
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json') as Record<string, unknown>;
type Report = { id: string; message: string; category: string };
// bpmnlint ships no type declarations; these are the parts its README documents
const { Linter } = require('bpmnlint') as { Linter: new (o: { config: unknown; resolver: unknown }) => { lint(root: unknown): Promise<Record<string, Report[]>> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;
/**
 * The only candidate groups a pathway may name: the case's county's intake and the two sides of
 * the case's team (lib/organisations/case-groups.ts), never a nationwide role, so that another
 * county or RISE unit never sees a task (issue #11).
 */
const CASEWORKER_GROUPS: string[] = Object.values(CANDIDATE_EXPRESSIONS);
const SERVED_TOPICS = [DEADLINE_COMPUTE_TOPIC, DEADLINE_ESCALATE_TOPIC, NOTIFY_TOPIC, PLAN_SYNC_TOPIC];
const processesDir = 'processes';
const formsDir = 'forms';
const bpmnFiles = readdirSync(processesDir).filter((f) => f.endsWith('.bpmn'));

type Bounds = { x: number; y: number; width: number; height: number };
type Element = {
  $type: string; id: string; name?: string; flowElements?: Element[]; formRef?: string; bounds?: Bounds; bpmnElement?: Element; planeElement?: Element[];
  candidateGroups?: string; topic?: string; attachedToRef?: Element; sourceRef?: Element; targetRef?: Element; incoming?: Element[];
  waypoint?: { x: number; y: number }[]; laneSets?: { lanes: Lane[] }[]; participants?: Element[]; processRef?: Element;
  extensionElements?: { values: { $type: string; inputParameters?: { name: string; value?: string }[] }[] };
};
type Lane = Element & { flowNodeRef?: Element[]; documentation?: { text: string }[] };
type Definitions = { rootElements: Element[]; diagrams: { plane: Element }[] };

async function parse(file: string) {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  return moddle.fromXML(readFileSync(join(processesDir, file), 'utf8'));
}

function flowElements(container: Element): Element[] {
  return (container.flowElements ?? []).flatMap((e) => [e, ...flowElements(e)]);
}

const overlaps = (a: Bounds, b: Bounds) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const within = (inner: Bounds, outer: Bounds) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const isContainerShape = (p: Element) => p.bpmnElement?.$type === 'bpmn:Participant' || p.bpmnElement?.$type === 'bpmn:Lane';

/** The lanes every pathway has, top to bottom, and the candidate groups each stands for (DOMAIN.md, roles table). */
const LANES = [
  { id: 'lane-rise', name: 'Rikosseuraamuslaitos', groups: [CANDIDATE_EXPRESSIONS.riseTeam] },
  { id: 'lane-intake', name: 'Hyvinvointialueen asiakasohjaus', groups: [CANDIDATE_EXPRESSIONS.intake] },
  { id: 'lane-social-work', name: 'Omatyöntekijä ja sosiaalityö', groups: [CANDIDATE_EXPRESSIONS.countyTeam] },
  { id: 'lane-team-lead', name: 'Tiiminvetäjä', groups: [] as string[] },
];

/** A user task's lane: the personal worker leads any task the county's side of the team shares; otherwise the one group's lane. */
function laneForGroups(candidateGroups: string | undefined): string | undefined {
  const groups = (candidateGroups ?? '').split(',').map((g) => g.trim()).filter(Boolean);
  if (groups.includes(CANDIDATE_EXPRESSIONS.countyTeam)) return 'lane-social-work';
  if (groups.length !== 1) return undefined;
  return LANES.find((l) => l.groups.includes(groups[0]!))?.id;
}

/** Escalation steps: deadline escalations, notices to group:team-lead, and the end events only they lead to. */
function escalationSteps(elements: Element[]): Set<string> {
  const steps = new Set<string>();
  const inputs = (e: Element) => (e.extensionElements?.values ?? []).flatMap((v) => v.inputParameters ?? []);
  for (const e of elements) {
    const notifiesLead = e.topic === 'notify' && inputs(e).some((i) => i.name === 'to' && (i.value ?? '').split(',').includes(`group:${roleInOrganisation('team-lead', '${countyId}')}`));
    if (e.topic === 'deadline-escalate' || notifiesLead) steps.add(e.id);
  }
  for (const e of elements) {
    const incoming = e.incoming ?? [];
    if (e.$type === 'bpmn:EndEvent' && incoming.length && incoming.every((f) => steps.has(f.sourceRef!.id))) steps.add(e.id);
  }
  return steps;
}

/** The parsed diagram: the process, its lanes, every shape and edge by element id, and each element's container. */
async function drawing(file: string) {
  const { rootElement } = await parse(file);
  const defs = rootElement as unknown as Definitions;
  const process = defs.rootElements.find((e) => e.$type === 'bpmn:Process')!;
  const collaboration = defs.rootElements.find((e) => e.$type === 'bpmn:Collaboration');
  const lanes = process.laneSets?.[0]?.lanes ?? [];
  const planeElements = defs.diagrams.flatMap((d) => d.plane.planeElement ?? []);
  const shapes = new Map(planeElements.filter((p) => p.$type === 'bpmndi:BPMNShape').map((p) => [p.bpmnElement!.id, p.bounds!]));
  const edges = planeElements.filter((p) => p.$type === 'bpmndi:BPMNEdge');
  const parentOf = new Map<string, Element>();
  const record = (container: Element) => (container.flowElements ?? []).forEach((e) => { parentOf.set(e.id, container); record(e); });
  record(process);
  const all = flowElements(process);
  const nodes = all.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const topLevel = (process.flowElements ?? []).filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const laneBounds = (id: string) => shapes.get(id)!;
  // the lane whose band holds a shape (lanes are horizontal bands)
  const bandOf = (b: Bounds) => lanes.find((l) => b.y >= laneBounds(l.id).y && b.y + b.height <= laneBounds(l.id).y + laneBounds(l.id).height)?.id;
  const topLevelOf = (e: Element): Element => (parentOf.get(e.id) === process ? e : topLevelOf(parentOf.get(e.id)!));
  const laneOf = (id: string) => lanes.filter((l) => (l.flowNodeRef ?? []).some((n) => n.id === id)).map((l) => l.id);
  return { process, collaboration, lanes, shapes, edges, parentOf, all, nodes, topLevel, bandOf, topLevelOf, laneOf, laneBounds, planeElements };
}

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

      it('offers every user task to caseworker groups of DOMAIN.md, and names every task and end in Finnish with its source cited', async () => {
        const { rootElement } = await parse(file);
        const elements = (rootElement as unknown as Definitions).rootElements.filter((e) => e.$type === 'bpmn:Process').flatMap(flowElements);
        const problems: string[] = [];
        for (const e of elements.filter((x) => x.$type === 'bpmn:UserTask')) {
          const groups = (e.candidateGroups ?? '').split(',').map((g) => g.trim()).filter(Boolean);
          if (groups.length === 0 || groups.some((g) => !CASEWORKER_GROUPS.includes(g))) problems.push(`${e.id}: candidateGroups "${e.candidateGroups ?? ''}"`);
        }
        for (const e of elements.filter((x) => x.$type !== 'bpmn:SequenceFlow')) {
          const named = !/Task$|^bpmn:(SubProcess|CallActivity|StartEvent|EndEvent|BoundaryEvent|IntermediateCatchEvent)$/.test(e.$type) || /[a-zäöå]/i.test(e.name ?? '');
          if (!named) problems.push(`${e.id}: no name`);
          // the owners read these names: Finnish letters or words, never the English of the code
          if (/\b(the|and|send|check|notify|task)\b/i.test(e.name ?? '')) problems.push(`${e.id}: "${e.name}" is not Finnish`);
          const doc = (e as Element & { documentation?: { text: string }[] }).documentation?.map((d) => d.text).join(' ') ?? '';
          if (!/seed \d{3}|§|laki|lain/i.test(doc)) problems.push(`${e.id}: documentation cites no seed or section of law: "${doc}"`);
        }
        expect(problems).to.deep.equal([]);
      });

      it('gives every service task a topic the workers serve, with the inputs that topic reads', async () => {
        const { rootElement } = await parse(file);
        const elements = (rootElement as unknown as Definitions).rootElements.filter((e) => e.$type === 'bpmn:Process').flatMap(flowElements);
        const problems: string[] = [];
        for (const e of elements.filter((x) => x.$type === 'bpmn:ServiceTask')) {
          const inputs = Object.fromEntries(
            (e.extensionElements?.values ?? []).flatMap((v) => v.inputParameters ?? []).map((i) => [i.name, i.value ?? '']),
          );
          if (!SERVED_TOPICS.includes(e.topic ?? '')) problems.push(`${e.id}: topic "${e.topic ?? ''}" is served by no worker`);
          if (e.topic === NOTIFY_TOPIC) {
            if (!TemplateId.safeParse(inputs.template).success) problems.push(`${e.id}: template "${inputs.template}" is not in the catalogue`);
            try { parseRecipients(inputs.to ?? ''); } catch (error) { problems.push(`${e.id}: ${(error as Error).message}`); }
          }
          if (e.topic === DEADLINE_ESCALATE_TOPIC) {
            const read = EscalateVariables.safeParse(inputs);
            if (!read.success) problems.push(`${e.id}: ${read.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
          }
        }
        expect(problems).to.deep.equal([]);
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
        // the participant and its lanes contain everything by design; boundary events sit on their host
        const shapes = planeElements.filter((p) => p.$type === 'bpmndi:BPMNShape' && p.bpmnElement?.$type !== 'bpmn:BoundaryEvent' && !isContainerShape(p));
        const clashes: string[] = [];
        shapes.forEach((a, i) => shapes.slice(i + 1).forEach((b) => {
          const [ia, ib] = [a.bpmnElement!.id, b.bpmnElement!.id];
          const nested = parentOf.get(ia) === ib || parentOf.get(ib) === ia;
          if (!nested && overlaps(a.bounds!, b.bounds!)) clashes.push(`${ia} / ${ib}`);
        }));
        expect(clashes).to.deep.equal([]);
      });

      it('has one participant with the four lanes stacked inside it, and every top-level flow node in exactly one lane and drawn inside it', async () => {
        const d = await drawing(file);
        const participants = d.collaboration?.participants ?? [];
        expect(participants.map((p) => [p.processRef?.id, p.name])).to.deep.equal([[d.process.id, d.process.name]]);
        const plane = d.planeElements;
        expect(plane.filter((p) => isContainerShape(p)).every((p) => (p as unknown as { isHorizontal?: boolean }).isHorizontal)).to.equal(true);
        expect(d.lanes.map((l) => [l.id, l.name])).to.deep.equal(LANES.map((l) => [l.id, l.name]));
        for (const lane of LANES) {
          const doc = d.lanes.find((l) => l.id === lane.id)!.documentation?.map((x) => x.text).join(' ') ?? '';
          for (const group of lane.groups) expect(doc, lane.id).to.contain(group).and.to.contain('DOMAIN.md');
        }

        // stacked top to bottom without gaps or overlaps, filling the participant beside its label band
        const pool = d.shapes.get(participants[0]!.id)!;
        const bands = d.lanes.map((l) => d.laneBounds(l.id));
        bands.forEach((b, i) => {
          expect(within(b, pool), d.lanes[i]!.id).to.equal(true);
          expect([b.x, b.x + b.width], d.lanes[i]!.id).to.deep.equal([pool.x + 30, pool.x + pool.width]);
          expect(b.y, d.lanes[i]!.id).to.equal(i === 0 ? pool.y : bands[i - 1]!.y + bands[i - 1]!.height);
        });
        expect(bands.at(-1)!.y + bands.at(-1)!.height).to.equal(pool.y + pool.height);

        const misplaced: string[] = [];
        const refs = d.lanes.flatMap((l) => (l.flowNodeRef ?? []).map((n) => n.id));
        for (const ref of refs) if (!d.topLevel.some((n) => n.id === ref)) misplaced.push(`${ref} is listed in a lane but is no top-level flow node`);
        for (const node of d.topLevel) {
          const lanes = d.laneOf(node.id);
          if (lanes.length !== 1) { misplaced.push(`${node.id} is in ${lanes.length} lanes`); continue; }
          const lane = lanes[0]!;
          if (node.attachedToRef) {
            if (d.laneOf(node.attachedToRef.id)[0] !== lane) misplaced.push(`${node.id} is not in its host's lane`);
            continue;
          }
          const b = d.shapes.get(node.id)!;
          if (node.$type !== 'bpmn:SubProcess') { if (!within(b, d.laneBounds(lane))) misplaced.push(`${node.id} is drawn outside ${lane}`); continue; }
          // an expanded subprocess starts in its lane and reaches down only as far as the lanes its own steps are drawn in
          const inner = flowElements(node).filter((e) => e.$type !== 'bpmn:SequenceFlow' && e.$type !== 'bpmn:BoundaryEvent');
          const lowest = Math.max(...inner.map((e) => d.lanes.findIndex((l) => l.id === d.bandOf(d.shapes.get(e.id)!))), d.lanes.findIndex((l) => l.id === lane));
          const own = d.laneBounds(lane), last = bands[lowest]!;
          const span = { x: own.x, y: own.y, width: own.width, height: last.y + last.height - own.y };
          if (!within(b, span) || b.y >= own.y + own.height) misplaced.push(`${node.id} is drawn outside ${lane} and the lanes of its steps`);
        }
        expect(misplaced).to.deep.equal([]);
      });

      it('puts each user task in the lane of its candidate groups, escalation steps in the team-lead lane, and draws nested steps in those lanes', async () => {
        const d = await drawing(file);
        const escalations = escalationSteps(d.nodes);
        const wrong: string[] = [];
        for (const node of d.nodes) {
          let expected: string | undefined;
          if (node.$type === 'bpmn:UserTask') {
            expected = laneForGroups(node.candidateGroups);
            if (!expected) { wrong.push(`${node.id}: no lane for candidate groups ${node.candidateGroups}`); continue; }
          } else if (escalations.has(node.id)) expected = 'lane-team-lead';
          const topLevel = d.parentOf.get(node.id) === d.process;
          if (topLevel && expected && d.laneOf(node.id)[0] !== expected) wrong.push(`${node.id} is in ${d.laneOf(node.id)[0]}, not ${expected}`);
          if (topLevel || node.$type === 'bpmn:BoundaryEvent' || node.$type === 'bpmn:SubProcess') continue;
          // nested steps cannot be listed in a lane: their band shows it, their subprocess's lane unless they escalate
          const band = expected ?? d.laneOf(d.topLevelOf(node).id)[0];
          if (d.bandOf(d.shapes.get(node.id)!) !== band) wrong.push(`${node.id} is drawn in ${d.bandOf(d.shapes.get(node.id)!)}, not ${band}`);
        }
        expect(wrong).to.deep.equal([]);
      });

      it('starts and ends every edge on the border of its source and target, with horizontal and vertical segments through no other shape', async () => {
        const d = await drawing(file);
        const onBorder = ({ x, y }: { x: number; y: number }, b: Bounds, t = 2) => {
          const inX = x >= b.x - t && x <= b.x + b.width + t, inY = y >= b.y - t && y <= b.y + b.height + t;
          return (inY && (Math.abs(x - b.x) <= t || Math.abs(x - b.x - b.width) <= t)) || (inX && (Math.abs(y - b.y) <= t || Math.abs(y - b.y - b.height) <= t));
        };
        const ancestors = (id: string): string[] => { const p = d.parentOf.get(id); return p && p !== d.process ? [p.id, ...ancestors(p.id)] : []; };
        const obstacles = d.nodes.map((n) => [n.id, d.shapes.get(n.id)!] as const);
        const wrong: string[] = [];
        expect(d.edges.map((e) => e.bpmnElement!.id).sort()).to.deep.equal(d.all.filter((e) => e.$type === 'bpmn:SequenceFlow').map((e) => e.id).sort());
        for (const edge of d.edges) {
          const flow = edge.bpmnElement!, points = edge.waypoint!;
          const [source, target] = [flow.sourceRef!.id, flow.targetRef!.id];
          if (!onBorder(points[0]!, d.shapes.get(source)!)) wrong.push(`${flow.id} does not start on the border of ${source}`);
          if (!onBorder(points.at(-1)!, d.shapes.get(target)!)) wrong.push(`${flow.id} does not end on the border of ${target}`);
          const passable = new Set([source, target, ...ancestors(source), ...ancestors(target)]);
          points.slice(1).forEach((q, i) => {
            const p = points[i]!;
            if (p.x !== q.x && p.y !== q.y) wrong.push(`${flow.id} segment ${i} is diagonal`);
            // the segment's box against the shape shrunk by a pixel, so running along a border is no crossing
            const seg = { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(p.x - q.x), height: Math.abs(p.y - q.y) };
            for (const [id, b] of obstacles) {
              const core = { x: b.x + 1, y: b.y + 1, width: b.width - 2, height: b.height - 2 };
              if (!passable.has(id) && seg.x <= core.x + core.width && core.x <= seg.x + seg.width && seg.y <= core.y + core.height && core.y <= seg.y + seg.height) wrong.push(`${flow.id} segment ${i} runs through ${id}`);
            }
          });
        }
        expect(wrong).to.deep.equal([]);
      });
    });
  }
});
