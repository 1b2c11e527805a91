import express from "express";
import { z } from "zod";
import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import { staffOf } from "../../../lib/engine/staff.js";
import { COUNTIES } from "../../../lib/organisations/counties.js";
import { intakeGroup, organisationName, organisationOf, teamGroup, type Side } from "../../../lib/organisations/case-groups.js";
import { MUNICIPALITIES } from "../../../lib/organisations/municipalities.js";
import { RISE_UNITS } from "../../../lib/organisations/rise-units.js";
import type { Store } from "../../../lib/store/index.js";
import type { CaseRecord } from "../../../lib/store/cases.js";
import { auditedChange } from "../audit.js";
import { currentUser, type SignedInUser } from "../auth/user.js";
import { AccessDenied, ApiProblem, notFound } from "../problems.js";
import { withBody } from "../route-body.js";
import { leadsCase, organisationOnSide, sideOf, type caseStanding } from "./case-team.js";

export interface TeamDeps {
  engine: EngineClient;
  store: Store;
  now: () => Date;
}

const CaseRefParam = z.string().regex(/^NIV-\d{4}-\d{6}$/, "not a case reference");
const UserId = z.string().trim().min(1).max(200);
/** The role whose members may hold each side of a case. */
const WORKER_ROLE: Record<Side, string> = { county: "county-social-worker", rise: "rise-caseworker" };
/** The process variable naming each side's responsible worker. */
const WORKER_VARIABLE: Record<Side, string> = { county: "personalWorkerId", rise: "riseWorkerId" };

const Handover = z.strictObject({
  side: z.enum(["county", "rise"], { message: "Puoli on county tai rise / Side is county or rise" }),
  /** the member who leaves; null to name a worker where the side has none */
  from: UserId.nullable(),
  to: UserId,
});
const TransferRequest = z.strictObject({
  municipality: z.string().refine((code) => MUNICIPALITIES.some((m) => m.code === code), "Tuntematon kunta / Unknown municipality"),
});

/** The workers who may take over a side of the case: its organisation's workers of that side's role. */
const candidatesFor = (engine: EngineClient, record: CaseRecord, side: Side) => staffOf(engine, organisationOnSide(record, side), WORKER_ROLE[side]);

/** The case's organisations and team as its case page shows them, with what the viewer may do about them. */
export async function teamView(engine: EngineClient, store: Store, user: SignedInUser, { record, team }: Awaited<ReturnType<typeof caseStanding>>, nameOf: (id: string) => Promise<string>) {
  if (!record) return null;
  const pending = await store.cases.pendingTransfer(record.caseRef);
  const led = leadsCase(user, record);
  const onCountySide = team.some((m) => m.userId === user.id && m.side === "county");
  return {
    county: { id: record.countyId, name: organisationName(record.countyId) },
    riseUnit: { id: record.riseUnitId, name: organisationName(record.riseUnitId) },
    municipality: record.municipality,
    team: await Promise.all(team.map(async (m) => ({ userId: m.userId, name: await nameOf(m.userId), side: m.side, role: m.role }))),
    /** a team lead hands over their own side: the workers who may take it */
    handover: led ? { side: led, candidates: await candidatesFor(engine, record, led) } : null,
    transfer: {
      pending: pending ? { toCountyId: pending.toCountyId, toCounty: organisationName(pending.toCountyId), requestedAt: pending.requestedAt } : null,
      mayRequest: !pending && (onCountySide || led === "county"),
    },
  };
}

/** Handovers within an organisation and transfers between counties (issue #11, items 2 and 3). */
export function teamRouter(deps: TeamDeps): express.Router {
  const { engine, store } = deps;
  const router = express.Router();

  const runningInstances = async (caseRef: string) =>
    unwrap(await engine.GET("/process-instance", { params: { query: { businessKey: caseRef } } })).map((i) => i.id!);
  const setVariable = async (instanceIds: string[], name: string, value: string) => {
    for (const id of instanceIds) {
      unwrap(await engine.POST("/process-instance/{id}/variables", { params: { path: { id } }, body: { modifications: { [name]: { value, type: "String" } } } }));
    }
  };
  const variableOf = async (instanceId: string, name: string) =>
    (await engine.GET("/process-instance/{id}/variables/{varName}", { params: { path: { id: instanceId, varName: name }, query: { deserializeValue: false } } })).data?.value ?? null;

  router.get("/organisations", (_req, res) => {
    res.json({
      counties: COUNTIES.map((c) => ({ id: c.id, name: c.name })),
      riseUnits: RISE_UNITS.map((u) => ({ id: u.id, name: u.name, kind: u.kind, region: u.region })),
      municipalities: MUNICIPALITIES,
    });
  });

  /**
   * A team lead hands one side of the case over: `from` leaves the team (and loses access), `to`
   * joins it in the same role, takes over `from`'s open tasks and, when `from` was the side's
   * named worker, becomes it, so the pathway's notices reach them.
   */
  router.post(
    "/cases/:caseRef/handover",
    withBody(Handover, async (req, res, input) => {
      const caseRef = CaseRefParam.parse(req.params.caseRef);
      const user = currentUser(res);
      const record = await store.cases.get(caseRef);
      if (!record || leadsCase(user, record) !== input.side) throw new AccessDenied("case's team", caseRef);
      const team = await store.cases.team(caseRef);
      const leaving = input.from === null ? null : team.find((m) => m.userId === input.from && m.side === input.side);
      if (input.from !== null && !leaving) throw new ApiProblem(400, "InvalidRequestException", "not-on-team", "Työntekijä ei ole asian tiimissä / That worker is not on the case's team.");
      if (!(await candidatesFor(engine, record, input.side)).some((c) => c.id === input.to)) {
        throw new ApiProblem(400, "InvalidRequestException", "not-a-candidate", "Asian voi siirtää vain oman organisaation työntekijälle / The case can be handed only to a worker of your organisation.");
      }
      if (input.to === input.from) throw new ApiProblem(400, "InvalidRequestException", "same-worker", "Valitse toinen työntekijä / Choose another worker.");
      const role = leaving?.role ?? (input.side === "county" ? "personal-worker" : "rise-worker");
      await auditedChange(res, "case.handover", caseRef, { side: input.side, from: input.from, to: input.to }, async () => {
        const at = deps.now();
        await store.transaction(async (tx) => {
          if (input.from) await tx.cases.leave(caseRef, input.from, user.id, at);
          await tx.cases.join(caseRef, input.to, input.side, role, user.id, at);
        });
        const instances = await runningInstances(caseRef);
        for (const id of instances) {
          const named = await variableOf(id, WORKER_VARIABLE[input.side]);
          // naming a worker where the side had none, or following the named one who leaves
          if (input.from === null || named === input.from) await setVariable([id], WORKER_VARIABLE[input.side], input.to);
        }
        if (input.from) {
          const tasks = unwrap(await engine.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef, assignee: input.from } } }));
          for (const t of tasks) unwrap(await engine.POST("/task/{id}/assignee", { params: { path: { id: t.id! } }, body: { userId: input.to } }));
        }
      });
      res.status(204).end();
    }),
  );

  /** The county side asks for the case to move to the county of the client's new home municipality. */
  router.post(
    "/cases/:caseRef/transfer",
    withBody(TransferRequest, async (req, res, input) => {
      const caseRef = CaseRefParam.parse(req.params.caseRef);
      const user = currentUser(res);
      const record = await store.cases.get(caseRef);
      const onCountySide = record && (await store.cases.team(caseRef)).some((m) => m.userId === user.id && m.side === "county");
      if (!record || !(onCountySide || leadsCase(user, record) === "county")) throw new AccessDenied("case", caseRef);
      const toCountyId = MUNICIPALITIES.find((m) => m.code === input.municipality)!.countyId;
      if (toCountyId === record.countyId) {
        throw new ApiProblem(400, "InvalidRequestException", "same-county", "Kunta kuuluu jo asian hyvinvointialueeseen / The municipality already belongs to the case's county.");
      }
      if (await store.cases.pendingTransfer(caseRef)) throw new ApiProblem(409, "TransferPending", "transfer-pending", "Asian siirto on jo pyydetty / A transfer has already been requested.");
      await auditedChange(res, "case.transfer.request", caseRef, { fromCountyId: record.countyId, toCountyId }, () =>
        store.cases.requestTransfer({ caseRef, fromCountyId: record.countyId, toCountyId, municipality: input.municipality, by: user.id, at: deps.now() }),
      );
      res.status(204).end();
    }),
  );

  /**
   * Transfers waiting on the caller's county: intake takes them over. They name no case and no
   * client until accepted: the receiving county has no part in the case before that.
   */
  router.get("/transfers", async (_req, res) => {
    const user = currentUser(res);
    if (!user.groups.includes("county-intake") && !user.groups.includes("team-lead")) throw new AccessDenied("transfers");
    const county = organisationOf(user.groups);
    // a RISE unit's lead receives none: cases move between counties
    const incoming = county && sideOf(user) === "county" ? await store.cases.incomingTransfers(county) : [];
    res.json(
      await Promise.all(
        incoming.map(async (t) => ({
          id: t.id,
          fromCounty: organisationName(t.fromCountyId),
          municipality: MUNICIPALITIES.find((m) => m.code === t.municipality)?.name ?? null,
          pathway: (await store.cases.get(t.caseRef))?.pathway ?? null,
          requestedAt: t.requestedAt,
          mayAccept: user.groups.includes("county-intake"),
        })),
      ),
    );
  });

  /**
   * The receiving county's intake takes the case over: the case is the county's from now on, the
   * sending county's team leaves it (and loses access), the accepting worker is its personal worker
   * until their team lead hands it on, and the tasks waiting on intake or held by the sending team
   * move with it.
   */
  router.post("/transfers/:id/accept", async (req, res) => {
    const user = currentUser(res);
    const transfer = await store.cases.transfer(String(req.params.id));
    if (!transfer || transfer.state !== "pending") throw notFound("No such transfer waiting.");
    if (organisationOf(user.groups) !== transfer.toCountyId || !user.groups.includes("county-intake")) throw new AccessDenied("transfer");
    const { caseRef, fromCountyId, toCountyId } = transfer;
    await auditedChange(res, "case.transfer.accept", caseRef, { fromCountyId, toCountyId }, async () => {
      const at = deps.now();
      const left = await store.transaction(async (tx) => {
        if (!(await tx.cases.acceptTransfer(transfer.id, user.id, at))) throw new ApiProblem(409, "TransferDecided", "transfer-decided", "Siirto on jo hyväksytty / The transfer has already been accepted.");
        await tx.cases.setCounty(caseRef, toCountyId, transfer.municipality);
        const ended = await tx.cases.leaveSide(caseRef, "county", user.id, at);
        await tx.cases.join(caseRef, user.id, "county", "personal-worker", user.id, at);
        return ended;
      });
      const instances = await runningInstances(caseRef);
      await setVariable(instances, "countyId", toCountyId);
      await setVariable(instances, WORKER_VARIABLE.county, user.id);
      const tasks = unwrap(await engine.GET("/task", { params: { query: { processInstanceBusinessKey: caseRef } } }));
      for (const task of tasks) {
        const links = unwrap(await engine.GET("/task/{id}/identity-links", { params: { path: { id: task.id! }, query: { type: "candidate" } } }));
        if (links.some((l) => l.groupId === intakeGroup(fromCountyId))) {
          unwrap(await engine.POST("/task/{id}/identity-links/delete", { params: { path: { id: task.id! } }, body: { groupId: intakeGroup(fromCountyId), type: "candidate" } }));
          unwrap(await engine.POST("/task/{id}/identity-links", { params: { path: { id: task.id! } }, body: { groupId: intakeGroup(toCountyId), type: "candidate" } }));
        }
        const heldBySender = task.assignee && left.includes(task.assignee);
        if (heldBySender && links.some((l) => l.groupId === teamGroup(caseRef, "county"))) {
          unwrap(await engine.POST("/task/{id}/assignee", { params: { path: { id: task.id! } }, body: { userId: user.id } }));
        } else if (heldBySender) {
          unwrap(await engine.POST("/task/{id}/unclaim", { params: { path: { id: task.id! } } }));
        }
      }
    });
    res.json({ caseRef });
  });

  return router;
}

