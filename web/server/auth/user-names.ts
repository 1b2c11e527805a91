import type { EngineClient } from "../../../lib/engine/client.js";

/**
 * Display names from the engine's user profiles. Sessions keep only the id and groups, so the
 * name is looked up once per user and process; a cache miss only costs one engine call.
 */
export function userNames(engine: EngineClient): (userId: string) => Promise<string> {
  const cache = new Map<string, string>();
  return async (userId) => {
    const cached = cache.get(userId);
    if (cached !== undefined) return cached;
    const { data } = await engine.GET("/user/{id}/profile", { params: { path: { id: userId } } });
    const name = [data?.firstName, data?.lastName].filter(Boolean).join(" ") || userId;
    if (data) cache.set(userId, name);
    return name;
  };
}
