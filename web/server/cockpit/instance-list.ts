import { z } from "zod";
import { unwrap } from "../../../lib/engine/client.js";
import type { DeadlineStatus } from "./deadline-status.js";
import { deadlineStatuses } from "./deadlines.js";
import type { EngineDeps } from "./deps.js";

export const InstanceFilter = z.object({
  pathway: z.string().min(1).optional(),
  state: z.enum(["ACTIVE", "SUSPENDED", "COMPLETED", "EXTERNALLY_TERMINATED", "INTERNALLY_TERMINATED"]).optional(),
  activity: z.string().min(1).optional(),
  overdue: z.enum(["true"]).optional(),
  incident: z.enum(["true"]).optional(),
});
export type InstanceFilter = z.infer<typeof InstanceFilter>;

export interface InstanceRow {
  id: string;
  caseRef: string;
  pathway: string;
  version: number;
  state: string;
  startTime: string;
  deadline: DeadlineStatus;
}

const LIMIT = 200;

/** The newest instances matching the filter, each with its deadline status. */
export async function listInstances(engine: EngineDeps, filter: InstanceFilter, now: Date): Promise<InstanceRow[]> {
  const instances = unwrap(
    await engine.client.GET("/history/process-instance", {
      params: {
        query: {
          sortBy: "startTime",
          sortOrder: "desc",
          maxResults: LIMIT,
          ...(filter.pathway ? { processDefinitionKey: filter.pathway } : {}),
          ...(filter.state ? { state: filter.state } : {}),
          ...(filter.activity ? { activeActivityIdIn: filter.activity } : {}),
          ...(filter.incident ? { withIncidents: true } : {}),
        } as Record<string, string | number | boolean>,
      },
    }),
  );
  const statuses = await deadlineStatuses(engine, now, instances.map((i) => i.id!));
  const rows = instances.map((i) => ({
    id: i.id!,
    caseRef: i.businessKey ?? "",
    pathway: i.processDefinitionKey ?? "",
    version: i.processDefinitionVersion ?? 0,
    state: i.state ?? "",
    startTime: i.startTime ?? "",
    deadline: statuses.get(i.id!) ?? "no-deadline",
  }));
  return filter.overdue ? rows.filter((r) => r.deadline === "overdue") : rows;
}
