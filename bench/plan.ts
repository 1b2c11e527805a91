export interface BenchPlan {
  starts: number;
  externalTasks: number;
  /** open user tasks at which the first-page task query is timed */
  openTasks: number[];
  querySamples: number;
  /** parallel REST callers when starting instances */
  concurrency: number;
  /** tasks per fetchAndLock of the official client */
  workerMaxTasks: number;
}

export interface Figures {
  startsPerSecond: number;
  externalTasksPerSecond: number;
  queryLatency: Record<number, { p50: number; p95: number }>;
  rssMiB: number;
  startupMs: number;
}

const numbers = (value: string | undefined, fallback: number[]) =>
  value ? value.split(",").map((v) => Number(v.trim())) : fallback;

export function planFromEnv(env: NodeJS.ProcessEnv = process.env): BenchPlan {
  return {
    starts: Number(env.BENCH_STARTS ?? 2000),
    externalTasks: Number(env.BENCH_EXTERNAL_TASKS ?? 2000),
    openTasks: numbers(env.BENCH_OPEN_TASKS, [10_000, 100_000]),
    querySamples: Number(env.BENCH_QUERY_SAMPLES ?? 50),
    concurrency: Number(env.BENCH_CONCURRENCY ?? 8),
    workerMaxTasks: Number(env.BENCH_WORKER_MAX_TASKS ?? 10),
  };
}
