import { Engine } from "bpmn-engine";
import { BpmnModdle } from "bpmn-moddle";
import { singleExternalTask, singleUserTask } from "../test/support/models.js";
import { rssMiB, throughput } from "./measure.js";
import type { BenchPlan, Figures } from "./plan.js";

/**
 * The peer: bpmn-engine, a JavaScript BPMN engine running in this process, on the same models.
 * It keeps state in memory only (no database, no REST, no history), so its figures show the cost
 * of what a Camunda 7 engine adds (durability, an API, queries), not a like-for-like race. It
 * cannot run an external task, so the service task calls a function that completes at once, and
 * it has no task query.
 */
export async function benchBpmnEngine(plan: BenchPlan): Promise<Figures> {
  const t0 = performance.now();
  const userModel = singleUserTask("bench-user");
  const serviceModel = singleExternalTask("bench-external", "bench-work").replace(
    'camunda:type="external" camunda:topic="bench-work"',
    'implementation="${environment.services.work}"',
  );
  // Parsed once, as a deployed definition is in a Camunda engine.
  const moddle = new BpmnModdle();
  const userContext = await moddle.fromXML(userModel);
  const serviceContext = await moddle.fromXML(serviceModel);
  const services = { work: (_context: unknown, next: (error: Error | null, result?: unknown) => void) => next(null, { done: true }) };
  await new Engine({ moddleContext: userContext }).execute();
  const startupMs = performance.now() - t0;

  const waiting: Engine[] = [];
  const startsPerSecond = await throughput(plan.starts, 1, async () => {
    const engine = new Engine({ moddleContext: userContext });
    await engine.execute();
    waiting.push(engine);
  });

  const externalTasksPerSecond = await throughput(plan.externalTasks, 1, async () => {
    const engine = new Engine({ moddleContext: serviceContext, services });
    await new Promise<void>((resolve, reject) => {
      engine.once("end", () => resolve());
      engine.once("error", reject);
      void engine.execute();
    });
  });

  return { startsPerSecond, externalTasksPerSecond, queryLatency: {}, rssMiB: rssMiB(process.pid), startupMs };
}
