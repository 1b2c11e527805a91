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
  /**
   * pause between two fetches. The client pauses after every fetch, even a full one, so with
   * long polling (which already waits in the engine when there is no work) it stays at 0.
   */
  interval?: number;
  autoPoll?: boolean;
}

/** The unchanged official external-task client, authenticated against the engine. */
export function createWorkerClient(connection: EngineConnection, options: WorkerClientOptions): Client {
  return new Client({
    baseUrl: connection.url,
    workerId: options.workerId,
    interceptors: new BasicAuthInterceptor({ username: connection.user, password: connection.password }),
    asyncResponseTimeout: options.asyncResponseTimeout ?? 10_000,
    interval: options.interval ?? 0,
    maxTasks: options.maxTasks ?? 10,
    lockDuration: options.lockDuration ?? 60_000,
    autoPoll: options.autoPoll ?? true,
  });
}
