import { unwrap, type EngineClient } from "../../lib/engine/client.js";
import { engineDate } from "../../lib/engine/engine-date.js";
import { timerVariables, type FollowingVariables } from "./timer-variables.js";

/**
 * Moves the waiting timer jobs of one process instance whose `timeDate` names one of
 * `instants`' variables onto the new instants, and the due dates of its open user tasks whose
 * `dueDate` names one, so a changed release date takes effect on clocks already running,
 * wherever the case stands. Gives the ids of the jobs and tasks it moved.
 */
export function timerRescheduler(engine: EngineClient) {
  // a deployed definition never changes, so its timers are read once per definition
  const timersByDefinition = new Map<string, Promise<FollowingVariables>>();

  function timersOf(processDefinitionId: string): Promise<FollowingVariables> {
    let timers = timersByDefinition.get(processDefinitionId);
    if (!timers) {
      timers = engine
        .GET("/process-definition/{id}/xml", { params: { path: { id: processDefinitionId } } })
        .then((result) => timerVariables(unwrap(result).bpmn20Xml ?? ""));
      timers.catch(() => timersByDefinition.delete(processDefinitionId));
      timersByDefinition.set(processDefinitionId, timers);
    }
    return timers;
  }

  return async function reschedule(
    processInstanceId: string,
    processDefinitionId: string,
    instants: Readonly<Record<string, Date>>,
  ): Promise<string[]> {
    const moved: string[] = [];
    const { timers, taskDues } = await timersOf(processDefinitionId);
    for (const [activityId, variable] of timers) {
      const instant = instants[variable];
      if (!instant) continue;
      const jobs = unwrap(await engine.GET("/job", { params: { query: { processInstanceId, activityId, timers: true } } }));
      for (const job of jobs) {
        if (!job.id || (job.dueDate && new Date(job.dueDate).getTime() === instant.getTime())) continue;
        unwrap(await engine.PUT("/job/{id}/duedate", { params: { path: { id: job.id } }, body: { duedate: engineDate(instant), cascade: false } }));
        moved.push(job.id);
      }
    }
    for (const [taskDefinitionKey, variable] of taskDues) {
      const instant = instants[variable];
      if (!instant) continue;
      const tasks = unwrap(await engine.GET("/task", { params: { query: { processInstanceId, taskDefinitionKey } } }));
      for (const task of tasks) {
        if (!task.id || (task.due && new Date(task.due).getTime() === instant.getTime())) continue;
        // PUT /task/{id} replaces the task's fields: send back what it has, with the new due date
        const { name, description, priority, assignee, owner, delegationState, followUp, parentTaskId, caseInstanceId, tenantId } = task;
        const kept = { name, description, priority, assignee, owner, delegationState, followUp, parentTaskId, caseInstanceId, tenantId };
        unwrap(await engine.PUT("/task/{id}", { params: { path: { id: task.id } }, body: { ...kept, due: engineDate(instant) } }));
        moved.push(task.id);
      }
    }
    return moved;
  };
}
