import express from "express";
import { z } from "zod";
import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import type { Store } from "../../../lib/store/index.js";
import { audit, auditedChange, auditedStoreChange } from "../audit.js";
import { currentUser } from "../auth/user.js";
import { AccessDenied, ApiProblem, notFound } from "../problems.js";
import { withBody } from "../route-body.js";
import { mayOpenCase, openableTask, taskUserOf } from "./access.js";
import { caseStanding, sideOf } from "./case-team.js";
import { choicesFor } from "./form-choices.js";
import { teamRouter, teamView } from "./team-router.js";
import { caseView, openTasksOf } from "./case-view.js";
import { parseForm, valueFields } from "../../../lib/forms/form-definition.js";
import { validateSubmission } from "../../../lib/forms/submission.js";
import { caseOrganisations, freshCaseRef, mayStart, NewCase, PATHWAYS, startPathway } from "./start-case.js";
import { TaskFilter, taskQuery } from "./task-filter.js";
import { consentRouter } from "./consent-router.js";
import { crossingFor, recordConsent } from "./consent.js";
import { consentFromAnswers, CONSENT_FORM_ID } from "../../../lib/consent/consent-form.js";
import { crossedItems, visibleVariables } from "../../../lib/consent/shared-view.js";
import { toHelsinkiWallTime } from "../../../lib/time/helsinki-date.js";
import { parseEngineDate } from "../../../lib/engine/engine-date.js";

export interface TasklistDeps {
  engine: EngineClient;
  store: Store;
  now: () => Date;
  nameOf: (userId: string) => Promise<string>;
}

/** Form answers that name a side's responsible worker: completing them puts that worker on the case's team. */
const NAMED_WORKERS = { personalWorkerId: { side: "county", role: "personal-worker" }, riseWorkerId: { side: "rise", role: "rise-worker" } } as const;

const CaseRefParam = z.string().regex(/^[\w.-]{1,100}$/, "not a case reference");
const Submission = z.object({ data: z.record(z.string(), z.unknown()) });

type OpenTask = NonNullable<Awaited<ReturnType<typeof openableTask>>>;

/**
 * Stored Dates as the form's date and time fields show them: a date as YYYY-MM-DD (kept at its
 * UTC midnight), a time as Helsinki's wall clock without a zone, so the browser's own zone never
 * shifts it and saving the form unchanged stores the same instant.
 */
function asFormShowsIt(definition: ReturnType<typeof parseForm>, data: Record<string, unknown>): Record<string, unknown> {
  const shown = { ...data };
  for (const field of valueFields(definition)) {
    if (field.type !== "datetime") continue;
    const instant = parseEngineDate(shown[field.key]);
    if (!instant) continue;
    shown[field.key] = field.subtype === "date" ? instant.toISOString().slice(0, 10) : toHelsinkiWallTime(instant);
  }
  return shown;
}

/** The caseworkers' API: their tasks, a task's form, claim/unclaim/complete, starting a case, the case view, the inbox. */
export function tasklistRouter(deps: TasklistDeps): express.Router {
  const { engine, store } = deps;
  const router = express.Router();

  /** the task of `:id`, which the user may open, on `res.locals.task`; or AccessDenied */
  const guardTask: express.RequestHandler<{ id: string }> = async (req, res, next) => {
    const task = await openableTask(engine, await taskUserOf(store, currentUser(res)), req.params.id);
    if (!task) throw new AccessDenied("task", null, { taskId: req.params.id });
    res.locals.task = task;
    next();
  };
  const taskOf = (res: express.Response) => res.locals.task as OpenTask;
  const caseRefOfTask = async (task: OpenTask) =>
    unwrap(await engine.GET("/process-instance/{id}", { params: { path: { id: task.processInstanceId! } } })).businessKey ?? null;
  /** the task's Camunda Form as deployed: the browser renders it, the server validates against it */
  const deployedForm = async (taskId: string): Promise<unknown> =>
    unwrap(await engine.GET("/task/{id}/deployed-form", { params: { path: { id: taskId } } }));

  router.get("/tasks", async (req, res) => {
    const filter = TaskFilter.parse(req.query);
    const user = await taskUserOf(store, currentUser(res));
    const tasks = unwrap(await engine.POST("/task", { params: { query: { maxResults: 200 } }, body: taskQuery(filter, user, deps.now()) }));
    const definitionIds = [...new Set(tasks.map((t) => t.processDefinitionId!))];
    const instanceIds = [...new Set(tasks.map((t) => t.processInstanceId!))];
    const [definitionList, instances] = tasks.length
      ? await Promise.all([
          engine.GET("/process-definition", { params: { query: { processDefinitionIdIn: definitionIds.join(",") } } }).then(unwrap),
          engine.GET("/process-instance", { params: { query: { processInstanceIds: instanceIds.join(",") } } }).then(unwrap),
        ])
      : [[], []];
    const definitions = new Map(definitionList.map((d) => [d.id!, d.key!]));
    const caseRefs = new Map(instances.map((i) => [i.id!, i.businessKey ?? null]));
    const now = deps.now().getTime();
    const rows = tasks.map((t) => ({
      id: t.id!,
      name: t.name ?? t.taskDefinitionKey!,
      caseRef: caseRefs.get(t.processInstanceId!) ?? null,
      processInstanceId: t.processInstanceId!,
      pathway: definitions.get(t.processDefinitionId!) ?? null,
      assignee: t.assignee ?? null,
      created: t.created!,
      due: t.due ?? null,
      overdue: t.due ? new Date(t.due).getTime() < now : false,
    }));
    const listed = [...new Set(rows.map((r) => r.caseRef).filter((c): c is string => !!c))];
    await audit(res, "task.list", null, { view: filter.view, tasks: rows.length, caseRefs: listed });
    res.json(rows);
  });

  router.get("/tasks/:id", guardTask, async (req, res) => {
    const task = taskOf(res);
    const [caseRef, form, variables] = await Promise.all([
      caseRefOfTask(task),
      deployedForm(req.params.id),
      engine.GET("/task/{id}/form-variables", { params: { path: { id: req.params.id }, query: { deserializeValues: false } } }).then(unwrap),
    ]);
    const definition = parseForm(form);
    const choices = await choicesFor(engine, store, definition, caseRef);
    // the task's own fields only, and of those only what is the viewer's side's or crosses to it now
    const viewer = { side: sideOf(currentUser(res)) };
    const { consent, crossing } = caseRef ? await crossingFor(store, caseRef, viewer, deps.now()) : { consent: null, crossing: new Set<never>() };
    const values = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.type === "Json" && typeof v.value === "string" ? JSON.parse(v.value) : v.value]));
    const data = asFormShowsIt(definition, visibleVariables(values, viewer, crossing, new Set(valueFields(definition).map((f) => f.key))));
    const crossed = crossedItems(Object.keys(data), data, viewer);
    await audit(res, "task.read", caseRef, { taskId: task.id!, ...(crossed.length ? { crossed, consentVersion: consent?.version ?? null } : {}) });
    res.json({
      id: task.id!,
      name: task.name ?? task.taskDefinitionKey!,
      assignee: task.assignee ?? null,
      due: task.due ?? null,
      caseRef,
      form,
      data: { ...data, ...choices },
    });
  });

  router.post("/tasks/:id/claim", guardTask, async (req, res) => {
    const task = taskOf(res);
    const user = currentUser(res);
    if (task.assignee && task.assignee !== user.id) throw new ApiProblem(409, "TaskAlreadyClaimed", "task-claimed", "Someone else has claimed this task.");
    const caseRef = await caseRefOfTask(task);
    await auditedChange(res, "task.claim", caseRef, { taskId: req.params.id }, async () => {
      unwrap(await engine.POST("/task/{id}/claim", { params: { path: { id: req.params.id } }, body: { userId: user.id } }));
      // whoever takes a task of the case is on its team from now on
      const side = sideOf(user);
      if (caseRef && side && (await store.cases.get(caseRef))) await store.cases.join(caseRef, user.id, side, "worker", user.id, deps.now());
    });
    res.status(204).end();
  });

  router.post("/tasks/:id/unclaim", guardTask, async (req, res) => {
    const task = taskOf(res);
    if (task.assignee !== currentUser(res).id) throw new AccessDenied("task's claim", null, { taskId: req.params.id });
    await auditedChange(res, "task.unclaim", await caseRefOfTask(task), { taskId: req.params.id }, async () =>
      unwrap(await engine.POST("/task/{id}/unclaim", { params: { path: { id: req.params.id } } })),
    );
    res.status(204).end();
  });

  router.post(
    "/tasks/:id/complete",
    guardTask,
    (_req, res, next) => {
      next(taskOf(res).assignee === currentUser(res).id ? undefined : new ApiProblem(409, "TaskNotClaimed", "task-not-claimed", "Claim the task before completing it."));
    },
    withBody(Submission, async (req, res, { data }) => {
      const task = taskOf(res);
      const taskId = String(req.params.id);
      const definition = parseForm(await deployedForm(taskId));
      const caseRef = await caseRefOfTask(task);
      const checked = validateSubmission(definition, data, deps.now(), await choicesFor(engine, store, definition, caseRef));
      if (!checked.ok) {
        const labels = new Map(valueFields(definition).map((f) => [f.key, f.label ?? f.key]));
        const fields = Object.entries(checked.errors).map(([key, message]) => ({ key, label: labels.get(key) ?? key, message }));
        throw new ApiProblem(400, "FormValidationException", "form-invalid", fields.map((e) => `${e.label}: ${e.message}`).join("; "), { fields });
      }
      // the consent form's answers become a consent version by the signed-in user, not process variables
      const consent = definition.id === CONSENT_FORM_ID ? consentFromAnswers(data) : null;
      if (consent && !consent.ok) {
        const message = "Valitse luovutettavat tiedot tai vastaa Ei / Choose what may be shared, or answer No";
        throw new ApiProblem(400, "FormValidationException", "form-invalid", message, { fields: [{ key: consent.field, label: consent.field, message }] });
      }
      await auditedChange(res, "task.complete", caseRef, { taskId }, async () => {
        const record = caseRef ? await store.cases.get(caseRef) : null;
        if (consent?.ok && caseRef) {
          // recordConsent has set the routing variables on every running instance of the case, this one too
          await recordConsent(engine, store, caseRef, consent.consent, { id: currentUser(res).id, side: sideOf(currentUser(res)) }, deps.now(), true);
          unwrap(await engine.POST("/task/{id}/submit-form", { params: { path: { id: taskId } }, body: { variables: {} } }));
          return;
        }
        // the named worker joins the team before the tasks offered to it are created
        for (const [key, { side, role }] of Object.entries(NAMED_WORKERS)) {
          const named = checked.variables[key];
          if (record && named?.type === "String") await store.cases.join(record.caseRef, named.value, side, role, currentUser(res).id, deps.now());
        }
        unwrap(await engine.POST("/task/{id}/submit-form", { params: { path: { id: taskId } }, body: { variables: checked.variables } }));
      });
      res.status(204).end();
    }),
  );

  router.get("/cases/:caseRef", async (req, res) => {
    const caseRef = CaseRefParam.parse(req.params.caseRef);
    const user = currentUser(res);
    const [openTasks, standing] = await Promise.all([taskUserOf(store, user).then((u) => openTasksOf(engine, u, caseRef)), caseStanding(store, caseRef)]);
    if (!mayOpenCase(user, standing, openTasks)) throw new AccessDenied("case", caseRef);
    const view = await caseView(engine, store, caseRef, deps.now(), user);
    if (!view) throw notFound("No such case.");
    const team = await teamView(engine, store, user, standing, deps.nameOf);
    await audit(res, "case.read", caseRef, { processInstanceId: view.processInstanceId, ...(view.crossed.length ? { crossed: view.crossed, consentVersion: view.consentVersion } : {}) });
    res.json({ ...view, openTasks, team });
  });

  /**
   * Starts a case: a new case reference from the store, the pathway started by key with it as
   * business key. Only the pathways STARTERS gives the user's groups; the client's name goes to
   * the engine and nowhere else (not the audit log, not a log line).
   */
  router.post(
    "/cases",
    (_req, res, next) => next(PATHWAYS.some((p) => mayStart(currentUser(res), p)) ? undefined : new AccessDenied("action")),
    withBody(NewCase, async (_req, res, input) => {
      const user = currentUser(res);
      if (!mayStart(user, input.pathway)) throw new AccessDenied("pathway");
      const organisations = caseOrganisations(user, input);
      const caseRef = await freshCaseRef(engine, store, deps.now());
      const started = await auditedChange(res, "case.start", caseRef, { pathway: input.pathway, countyId: organisations.countyId, riseUnitId: organisations.riseUnitId }, async () => {
        await store.transaction(async (tx) => {
          await tx.cases.create({ caseRef, pathway: input.pathway, ...organisations, municipality: input.municipality, startedBy: user.id, startedAt: deps.now() });
          // a RISE officer who starts a case is its RISE worker
          if (sideOf(user) === "rise") await tx.cases.join(caseRef, user.id, "rise", "rise-worker", user.id, deps.now());
        });
        return startPathway(engine, caseRef, user, input, organisations);
      });
      res.status(201).location(`/api/cases/${caseRef}`).json({ caseRef, processInstanceId: started.processInstanceId });
    }),
  );

  /** every deployed pathway (latest version), and whether the user may start a case on it */
  router.get("/pathways", async (_req, res) => {
    const defs = unwrap(await engine.GET("/process-definition", { params: { query: { latestVersion: true, sortBy: "key", sortOrder: "asc" } } }));
    const user = currentUser(res);
    res.json(defs.map((d) => ({ key: d.key!, name: d.name ?? d.key!, startable: mayStart(user, d.key!) })));
  });

  router.get("/inbox", async (_req, res) => {
    const user = currentUser(res);
    const [entries, unread] = await Promise.all([store.inbox.listFor(user.id, { limit: 50 }), store.inbox.unreadCount(user.id)]);
    await audit(res, "inbox.list", null, { entries: entries.length, caseRefs: [...new Set(entries.map((e) => e.caseRef))] });
    res.json({ entries, unread });
  });

  router.post("/inbox/:id/read", async (req, res) => {
    const id = z.uuid().parse(req.params.id);
    // another user's notice is answered as if there were none, and leaves no row of its own
    await auditedStoreChange(res, "inbox.mark-read", null, { entryId: id }, async (tx) => {
      if (!(await tx.inbox.markRead(currentUser(res).id, id, deps.now()))) throw notFound("No such notice in your inbox.");
    });
    res.status(204).end();
  });

  router.use(teamRouter(deps));
  router.use(consentRouter(deps));
  return router;
}
