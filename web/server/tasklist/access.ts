import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import type { SignedInUser } from "../auth/user.js";

/** The rule of mayOpenTask, given the task's assignee and candidate links. */
export function taskIsOpenTo(user: SignedInUser, assignee: string | null | undefined, candidates: { groupId?: string | null; userId?: string | null }[]): boolean {
  return assignee === user.id || candidates.some((l) => l.groupId && user.groups.includes(l.groupId)) || candidates.some((l) => l.userId === user.id);
}

/** The task, when the user may see it: it is theirs or offered to one of their groups; null otherwise. */
export async function openableTask(engine: EngineClient, user: SignedInUser, taskId: string) {
  const { data: task, response } = await engine.GET("/task/{id}", { params: { path: { id: taskId } } });
  if (!response.ok || !task) return null;
  if (task.assignee === user.id) return task;
  const links = unwrap(await engine.GET("/task/{id}/identity-links", { params: { path: { id: taskId }, query: { type: "candidate" } } }));
  return taskIsOpenTo(user, task.assignee, links) ? task : null;
}

/**
 * The user may see the case when an open task of it is theirs or their groups' (`openTasks`, as
 * openTasksOf judges them), when they have worked on it (a task of it was assigned to them), or
 * when they referred it (`referrerUserId`, set when they started it): a RISE officer who starts a
 * joint assessment sees the case, though its first task is county intake's.
 */
export async function mayOpenCase(engine: EngineClient, user: SignedInUser, caseRef: string, openTasks: readonly { mayOpen: boolean }[]): Promise<boolean> {
  if (openTasks.some((t) => t.mayOpen)) return true;
  const worked = unwrap(
    await engine.GET("/history/task", { params: { query: { processInstanceBusinessKey: caseRef, taskAssignee: user.id, maxResults: 1 } } }),
  );
  if (worked.length > 0) return true;
  const referred = unwrap(
    await engine.POST("/history/process-instance/count", {
      body: { processInstanceBusinessKey: caseRef, variables: [{ name: "referrerUserId", operator: "eq", value: user.id }] },
    }),
  );
  return (referred.count ?? 0) > 0;
}
