import { unwrap } from "../../../lib/engine/client.js";
import { countBoard, deadlineStatuses, type DeadlineBoard } from "./deadlines.js";
import type { EngineDeps } from "./deps.js";

export interface DefinitionSummary {
  id: string;
  key: string;
  name: string;
  version: number;
  running: number;
  incidents: number;
  overdue: number;
}

/** Every deployed version with its running instances, open incidents and overdue cases. */
export async function definitionSummaries(engine: EngineDeps, now: Date): Promise<DefinitionSummary[]> {
  const stats = unwrap(
    await engine.client.GET("/process-definition/statistics", { params: { query: { incidents: true } } }),
  );
  const running = unwrap(await engine.client.GET("/process-instance", {}));
  const statuses = await deadlineStatuses(engine, now, running.map((p) => p.id!));
  const overdueByDefinition = new Map<string, number>();
  for (const p of running) {
    if (statuses.get(p.id!) === "overdue") {
      overdueByDefinition.set(p.definitionId!, (overdueByDefinition.get(p.definitionId!) ?? 0) + 1);
    }
  }
  return stats
    .map((s) => ({
      id: s.id!,
      key: s.definition?.key ?? "",
      name: s.definition?.name ?? s.definition?.key ?? "",
      version: s.definition?.version ?? 0,
      running: s.instances ?? 0,
      incidents: (s.incidents ?? []).reduce((sum, i) => sum + (i.incidentCount ?? 0), 0),
      overdue: overdueByDefinition.get(s.id!) ?? 0,
    }))
    .sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version);
}

/** The deadline board over every case the engine remembers, running or ended. */
export async function deadlineBoard(engine: EngineDeps, now: Date): Promise<DeadlineBoard> {
  return countBoard((await deadlineStatuses(engine, now)).values());
}
