import { unwrap, type EngineClient } from "../../lib/engine/client.js";
import { engineDate } from "../../lib/engine/engine-date.js";
import { timerVariables } from "./timer-variables.js";

/**
 * Moves the waiting timer jobs of one process instance whose `timeDate` names one of
 * `instants`' variables onto the new instants, so a changed release date takes effect on
 * timers already waiting, wherever the case stands. Gives the ids of the jobs it moved.
 */
export function timerRescheduler(engine: EngineClient) {
  // a deployed definition never changes, so its timers are read once per definition
  const timersByDefinition = new Map<string, Promise<Map<string, string>>>();

  function timersOf(processDefinitionId: string): Promise<Map<string, string>> {
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
    for (const [activityId, variable] of await timersOf(processDefinitionId)) {
      const instant = instants[variable];
      if (!instant) continue;
      const jobs = unwrap(await engine.GET("/job", { params: { query: { processInstanceId, activityId, timers: true } } }));
      for (const job of jobs) {
        if (!job.id || (job.dueDate && new Date(job.dueDate).getTime() === instant.getTime())) continue;
        unwrap(await engine.PUT("/job/{id}/duedate", { params: { path: { id: job.id } }, body: { duedate: engineDate(instant), cascade: false } }));
        moved.push(job.id);
      }
    }
    return moved;
  };
}
