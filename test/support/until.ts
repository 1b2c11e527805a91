import { setTimeout as sleep } from "node:timers/promises";

/**
 * Polls `probe` until it returns something truthy (which it then returns), for things that
 * happen asynchronously in the engine or a worker. Gives up with an error after `timeoutMs`.
 */
export async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`Condition not reached within ${timeoutMs} ms`);
}
