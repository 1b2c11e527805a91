import { unwrap } from "../../../lib/engine/client.js";
import { notFound } from "../problems.js";
import type { components } from "../../../lib/engine/openapi.js";
import type { DeadlineStatus } from "./deadline-status.js";
import { deadlineStatuses } from "./deadlines.js";
import type { AuditRecord, CockpitDeps } from "./deps.js";

type ActivityInstance = components["schemas"]["ActivityInstanceDto"];

export interface InstanceDetail {
  id: string;
  caseRef: string;
  definitionId: string;
  pathway: string;
  version: number;
  state: string;
  startTime: string;
  endTime: string | null;
  deadline: DeadlineStatus;
  /** activity id → how many tokens wait there now */
  tokens: Record<string, number>;
  incidents: { id: string; activityId: string; type: string; message: string }[];
  variables: { name: string; type: string; value: unknown }[];
  history: { activityId: string; name: string; type: string; startTime: string; endTime: string | null; canceled: boolean }[];
  audit: AuditRecord[];
}

/** Counts the tokens per activity in the activity instance tree; the root is the process itself. */
export function tokenCounts(root: ActivityInstance): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (activityId: string | null | undefined) => {
    if (activityId) counts[activityId] = (counts[activityId] ?? 0) + 1;
  };
  const walk = (node: ActivityInstance) => {
    for (const child of node.childActivityInstances ?? []) {
      const hasChildren = (child.childActivityInstances?.length ?? 0) + (child.childTransitionInstances?.length ?? 0) > 0;
      // a multi-instance body or a sub-process holds its tokens in its children
      if (!hasChildren) add(child.activityId);
      walk(child);
    }
    for (const transition of node.childTransitionInstances ?? []) add(transition.activityId);
  };
  walk(root);
  return counts;
}

export async function instanceDetail(deps: CockpitDeps, id: string, now: Date): Promise<InstanceDetail> {
  const { client } = deps.engine;
  const [instance] = unwrap(await client.GET("/history/process-instance", { params: { query: { processInstanceId: id } } }));
  if (!instance) throw notFound("No such case instance.");
  const ended = instance.endTime != null;
  const [tree, incidents, variables, history, statuses, audit] = await Promise.all([
    ended ? undefined : client.GET("/process-instance/{id}/activity-instances", { params: { path: { id } } }).then(unwrap),
    client.GET("/incident", { params: { query: { processInstanceId: id } } }).then(unwrap),
    client.GET("/history/variable-instance", { params: { query: { processInstanceId: id, deserializeValues: false } } }).then(unwrap),
    client.GET("/history/activity-instance", { params: { query: { processInstanceId: id, sortBy: "startTime", sortOrder: "asc" } } }).then(unwrap),
    deadlineStatuses(deps.engine, now, [id]),
    deps.audit.forProcessInstance(id, instance.businessKey),
  ]);
  return {
    id,
    caseRef: instance.businessKey ?? "",
    definitionId: instance.processDefinitionId!,
    pathway: instance.processDefinitionKey ?? "",
    version: instance.processDefinitionVersion ?? 0,
    state: instance.state ?? "",
    startTime: instance.startTime ?? "",
    endTime: instance.endTime ?? null,
    deadline: statuses.get(id) ?? "no-deadline",
    tokens: tree ? tokenCounts(tree) : {},
    incidents: incidents.map((i) => ({
      id: i.id!,
      activityId: i.activityId ?? "",
      type: i.incidentType ?? "",
      message: i.incidentMessage ?? "",
    })),
    variables: variables
      .filter((v) => v.state !== "DELETED")
      .map((v) => ({ name: v.name ?? "", type: v.type ?? "", value: v.value }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    history: history.map((h) => ({
      activityId: h.activityId ?? "",
      name: h.activityName ?? h.activityId ?? "",
      type: h.activityType ?? "",
      startTime: h.startTime ?? "",
      endTime: h.endTime ?? null,
      canceled: h.canceled ?? false,
    })),
    audit,
  };
}
