import { unwrap } from "../../../lib/engine/client.js";
import { deadlineStatus, type DeadlineStatus } from "./deadline-status.js";
import type { EngineDeps } from "./deps.js";
import { parseEngineDate } from "../../../lib/engine/engine-date.js";

const DUE = "assessmentCompletionDue";
const DONE = "needsMultiAgencyWork";

/** The deadline status of each process instance that has one, keyed by instance id. */
export async function deadlineStatuses(
  engine: EngineDeps,
  now: Date,
  processInstanceIds?: string[],
): Promise<Map<string, DeadlineStatus>> {
  if (processInstanceIds && processInstanceIds.length === 0) return new Map();
  // POST, because a page of instance ids would outgrow the engine's limit on a GET's URL
  const variables = unwrap(
    await engine.client.POST("/history/variable-instance", {
      params: { query: { deserializeValues: false } },
      body: { variableNameIn: [DUE, DONE], ...(processInstanceIds ? { processInstanceIdIn: processInstanceIds } : {}) },
    }),
  );
  const facts = new Map<string, { due?: Date; doneAt?: Date }>();
  for (const v of variables) {
    if (!v.processInstanceId) continue;
    const entry = facts.get(v.processInstanceId) ?? {};
    if (v.name === DUE) entry.due = parseEngineDate(v.value);
    if (v.name === DONE) entry.doneAt = parseEngineDate(v.createTime);
    facts.set(v.processInstanceId, entry);
  }
  const statuses = new Map<string, DeadlineStatus>();
  for (const [id, f] of facts) statuses.set(id, deadlineStatus(f, now));
  return statuses;
}

export type DeadlineBoard = Record<Exclude<DeadlineStatus, "no-deadline">, number>;

export function countBoard(statuses: Iterable<DeadlineStatus>): DeadlineBoard {
  const board: DeadlineBoard = { "on-track": 0, "due-soon": 0, overdue: 0, "done-in-time": 0, "done-late": 0 };
  for (const s of statuses) if (s !== "no-deadline") board[s] += 1;
  return board;
}
