import { z } from "zod";
import { engineDate } from "../../../lib/engine/engine-date.js";
import { endOfHelsinkiDay } from "../../../lib/time/helsinki-date.js";

/** The tasklist's query: whose tasks, which pathway, due when. */
export const TaskFilter = z.object({
  view: z.enum(["mine", "groups"]).default("mine"),
  pathway: z.string().regex(/^[\w.-]+$/).optional(),
  dueBefore: z.iso.date().optional(),
  overdue: z.enum(["true", "false"]).optional(),
});
export type TaskFilter = z.infer<typeof TaskFilter>;

/** Camunda's date format for query parameters. */

/**
 * The engine query (POST /task's body) for a filter, always limited to what the user may see:
 * tasks assigned to them, or open tasks of the groups they stand in (their organisation's roles
 * and their case teams: access.ts taskUserOf).
 */
export function taskQuery(filter: TaskFilter, user: { id: string; taskGroups: readonly string[] }, now: Date) {
  const base =
    filter.view === "mine"
      ? { assignee: user.id }
      : { candidateGroups: user.taskGroups.length ? [...user.taskGroups] : ["-none-"], includeAssignedTasks: true };
  const dueBefore = [
    // "due before" a day takes the whole of that day in Helsinki
    filter.dueBefore ? endOfHelsinkiDay(filter.dueBefore) : undefined,
    filter.overdue === "true" ? now : undefined,
  ].filter((d): d is Date => d !== undefined);
  return {
    ...base,
    ...(filter.pathway ? { processDefinitionKey: filter.pathway } : {}),
    ...(dueBefore.length ? { dueBefore: engineDate(new Date(Math.min(...dueBefore.map((d) => d.getTime())))) } : {}),
    sorting: [{ sortBy: "dueDate" as const, sortOrder: "asc" as const }],
  };
}
