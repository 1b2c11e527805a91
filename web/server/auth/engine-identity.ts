import { unwrap, type EngineClient } from "../../../lib/engine/client.js";

/**
 * The user's groups as the engine holds them now, or null when the engine has no such user (it
 * was deleted). Asked at sign-in and at every session re-check, so a session carries the groups
 * the engine gives, never older ones for longer than the re-check interval.
 */
export function engineGroups(engine: EngineClient): (userId: string) => Promise<string[] | null> {
  return async (userId) => {
    const users = unwrap(await engine.GET("/user", { params: { query: { id: userId } } }));
    if (!users.some((u) => u.id === userId)) return null;
    const info = unwrap(await engine.GET("/identity/groups", { params: { query: { userId } } }));
    return (info.groups ?? []).map((g) => g.id).filter((id): id is string => typeof id === "string");
  };
}
