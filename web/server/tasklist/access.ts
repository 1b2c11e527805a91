import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import type { Store } from "../../../lib/store/index.js";
import type { SignedInUser } from "../auth/user.js";
import { onTeamOrLeads, taskGroupsOf, type caseStanding } from "./case-team.js";

/** A user as the task rules see them: their id and the candidate groups they stand in (case-team.ts). */
export interface TaskUser {
  id: string;
  taskGroups: readonly string[];
}

export async function taskUserOf(store: Store, user: SignedInUser): Promise<TaskUser> {
  return { id: user.id, taskGroups: await taskGroupsOf(store, user) };
}

/** The rule of openableTask, given the task's assignee and candidate links. */
export function taskIsOpenTo(user: TaskUser, assignee: string | null | undefined, candidates: { groupId?: string | null; userId?: string | null }[]): boolean {
  return assignee === user.id || candidates.some((l) => l.groupId && user.taskGroups.includes(l.groupId)) || candidates.some((l) => l.userId === user.id);
}

/**
 * The task, when the user may see it: assigned to them, or offered to a group they stand in
 * (their county's intake, their side of the case's team). A task claimed by someone else stays
 * open to the team it is offered to, who see who holds it.
 */
export async function openableTask(engine: EngineClient, user: TaskUser, taskId: string) {
  const { data: task, response } = await engine.GET("/task/{id}", { params: { path: { id: taskId } } });
  if (!response.ok || !task) return null;
  if (task.assignee === user.id) return task;
  const links = unwrap(await engine.GET("/task/{id}/identity-links", { params: { path: { id: taskId }, query: { type: "candidate" } } }));
  return taskIsOpenTo(user, task.assignee, links) ? task : null;
}

/**
 * The user may see the case when they are on its team or lead one of its organisations
 * (case-team.ts), or when an open task of it is theirs to take (`openTasks`, as openTasksOf judges
 * them): county intake sees a case while its registration waits on them.
 */
export function mayOpenCase(user: SignedInUser, standing: Awaited<ReturnType<typeof caseStanding>>, openTasks: readonly { mayOpen: boolean }[]): boolean {
  return openTasks.some((t) => t.mayOpen) || onTeamOrLeads(user, standing);
}
