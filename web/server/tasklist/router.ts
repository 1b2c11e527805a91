import express from "express";
import { z } from "zod";
import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import type { Store } from "../../../lib/store/index.js";
import { audit } from "../audit.js";
import { currentUser } from "../auth/user.js";
import { AccessDenied, mayOpenCase, openableTask } from "./access.js";
import { caseView, openTasksOf } from "./case-view.js";
import { parseForm, valueFields } from "../../../lib/forms/form-definition.js";
import { validateSubmission } from "../../../lib/forms/submission.js";
import { fieldErrors, mayStart, NewCase, PATHWAYS, startCase } from "./start-case.js";
import { TaskFilter, taskQuery } from "./task-filter.js";

export interface TasklistDeps {
  engine: EngineClient;
  store: Store;
  now: () => Date;
}

const CaseRefParam = z.string().regex(/^[\w.-]{1,100}$/, "not a case reference");
const Submission = z.object({ data: z.record(z.string(), z.unknown()) });

/** The caseworkers' API: their tasks, a task's form, claim/unclaim/complete, starting a case, the case view, the inbox. */
export function tasklistRouter(deps: TasklistDeps): express.Router {
  const { engine, store } = deps;
  const router = express.Router();
  router.use(express.json({ limit: "200kb" }));

  /** the task, which the user may open, or AccessDenied */
  const guardTask = async (res: express.Response, taskId: string) => {
    const task = await openableTask(engine, currentUser(res), taskId);
    if (!task) throw new AccessDenied("task");
    return task;
  };
  /** the task's Camunda Form as deployed: the browser renders it, the server validates against it */
  const deployedForm = async (taskId: string): Promise<unknown> =>
    unwrap(await engine.GET("/task/{id}/deployed-form", { params: { path: { id: taskId } } }));

  router.get("/tasks", async (req, res) => {
    const filter = TaskFilter.parse(req.query);
    const tasks = unwrap(await engine.GET("/task", { params: { query: taskQuery(filter, currentUser(res), deps.now()) } }));
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
    res.json(
      tasks.map((t) => ({
        id: t.id!,
        name: t.name ?? t.taskDefinitionKey!,
        caseRef: caseRefs.get(t.processInstanceId!) ?? null,
        processInstanceId: t.processInstanceId!,
        pathway: definitions.get(t.processDefinitionId!) ?? null,
        assignee: t.assignee ?? null,
        created: t.created!,
        due: t.due ?? null,
        overdue: t.due ? new Date(t.due).getTime() < now : false,
      })),
    );
  });

  router.get("/tasks/:id", async (req, res) => {
    const task = await guardTask(res, req.params.id);
    const [instance, form, variables] = await Promise.all([
      engine.GET("/process-instance/{id}", { params: { path: { id: task.processInstanceId! } } }).then(unwrap),
      deployedForm(req.params.id),
      engine.GET("/task/{id}/form-variables", { params: { path: { id: req.params.id }, query: { deserializeValues: false } } }).then(unwrap),
    ]);
    const caseRef = instance.businessKey ?? null;
    await audit(res, "task.read", caseRef, { taskId: task.id! });
    res.json({
      id: task.id!,
      name: task.name ?? task.taskDefinitionKey!,
      assignee: task.assignee ?? null,
      due: task.due ?? null,
      caseRef,
      form,
      data: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.type === "Json" && typeof v.value === "string" ? JSON.parse(v.value) : v.value])),
    });
  });

  router.post("/tasks/:id/claim", async (req, res) => {
    await guardTask(res, req.params.id);
    const user = currentUser(res);
    unwrap(await engine.POST("/task/{id}/claim", { params: { path: { id: req.params.id } }, body: { userId: user.id } }));
    res.status(204).end();
  });

  router.post("/tasks/:id/unclaim", async (req, res) => {
    const task = await guardTask(res, req.params.id);
    if (task.assignee !== currentUser(res).id) throw new AccessDenied("task's claim");
    unwrap(await engine.POST("/task/{id}/unclaim", { params: { path: { id: req.params.id } } }));
    res.status(204).end();
  });

  router.post("/tasks/:id/complete", async (req, res) => {
    const task = await guardTask(res, req.params.id);
    if (task.assignee !== currentUser(res).id) {
      res.status(409).json({ type: "TaskNotClaimed", message: "Claim the task before completing it." });
      return;
    }
    const { data } = Submission.parse(req.body);
    const definition = parseForm(await deployedForm(req.params.id));
    const checked = validateSubmission(definition, data, deps.now());
    if (!checked.ok) {
      const labels = new Map(valueFields(definition).map((f) => [f.key, f.label ?? f.key]));
      const fields = Object.entries(checked.errors).map(([key, message]) => ({ key, label: labels.get(key) ?? key, message }));
      res.status(400).json({ type: "FormValidationException", message: fields.map((e) => `${e.label}: ${e.message}`).join("; "), fields });
      return;
    }
    const instance = unwrap(await engine.GET("/process-instance/{id}", { params: { path: { id: task.processInstanceId! } } }));
    unwrap(await engine.POST("/task/{id}/submit-form", { params: { path: { id: req.params.id } }, body: { variables: checked.variables } }));
    await audit(res, "task.complete", instance.businessKey ?? null, { taskId: req.params.id });
    res.status(204).end();
  });

  router.get("/cases/:caseRef", async (req, res) => {
    const caseRef = CaseRefParam.parse(req.params.caseRef);
    const openTasks = await openTasksOf(engine, currentUser(res), caseRef);
    if (!(await mayOpenCase(engine, currentUser(res), caseRef, openTasks))) throw new AccessDenied("case");
    const view = await caseView(engine, store, caseRef, deps.now(), currentUser(res));
    if (!view) {
      res.status(404).json({ type: "NotFound", message: "No such case." });
      return;
    }
    await audit(res, "case.read", caseRef, { processInstanceId: view.processInstanceId });
    res.json({ ...view, openTasks });
  });

  /**
   * Starts a case: a new case reference from the store, the pathway started by key with it as
   * business key. Only the pathways STARTERS gives the user's groups; the client's name goes to
   * the engine and nowhere else (not the audit log, not a log line).
   */
  router.post("/cases", async (req, res) => {
    const user = currentUser(res);
    if (!PATHWAYS.some((p) => mayStart(user, p))) throw new AccessDenied("action");
    const parsed = NewCase.safeParse(req.body);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      res.status(400).json({ type: "InvalidRequestException", message: fields.map((f) => `${f.key}: ${f.message}`).join("; "), fields });
      return;
    }
    if (!mayStart(user, parsed.data.pathway)) throw new AccessDenied("pathway");
    const started = await startCase(engine, store, user, parsed.data, deps.now());
    await audit(res, "case.start", started.caseRef, { processInstanceId: started.processInstanceId, pathway: parsed.data.pathway });
    res.status(201).location(`/api/cases/${started.caseRef}`).json(started);
  });

  /** every deployed pathway (latest version), and whether the user may start a case on it */
  router.get("/pathways", async (_req, res) => {
    const defs = unwrap(await engine.GET("/process-definition", { params: { query: { latestVersion: true, sortBy: "key", sortOrder: "asc" } } }));
    const user = currentUser(res);
    res.json(defs.map((d) => ({ key: d.key!, name: d.name ?? d.key!, startable: mayStart(user, d.key!) })));
  });

  router.get("/inbox", async (_req, res) => {
    const user = currentUser(res);
    res.json({ entries: await store.inbox.listFor(user.id, { limit: 50 }), unread: await store.inbox.unreadCount(user.id) });
  });

  router.post("/inbox/:id/read", async (req, res) => {
    const done = await store.inbox.markRead(currentUser(res).id, z.uuid().parse(req.params.id), deps.now());
    res.status(done ? 204 : 404).end();
  });

  return router;
}
