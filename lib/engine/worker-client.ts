import { BasicAuthInterceptor, Client } from "camunda-external-task-client-js";
import type { EngineConnection } from "../config.js";

export interface WorkerClientOptions {
  workerId: string;
  /** how long a fetched task stays locked to this worker; a crashed worker's tasks return after it */
  lockDuration?: number;
  /** tasks fetched per poll */
  maxTasks?: number;
  /** long polling: the engine holds a fetch open this long while it has no task */
  asyncResponseTimeout?: number;
  autoPoll?: boolean;
}

/** The unchanged official external-task client, authenticated against the engine. */
export function createWorkerClient(connection: EngineConnection, options: WorkerClientOptions): Client {
  return new Client({
    baseUrl: connection.url,
    workerId: options.workerId,
    interceptors: new BasicAuthInterceptor({ username: connection.user, password: connection.password }),
    asyncResponseTimeout: options.asyncResponseTimeout ?? 10_000,
    // The client pauses this long after every fetch, even a full one; long polling already
    // waits in the engine when there is no work, so no pause is needed on top.
    interval: 0,
    maxTasks: options.maxTasks ?? 10,
    lockDuration: options.lockDuration ?? 60_000,
    autoPoll: options.autoPoll ?? true,
  });
}
