/** How the security suites read web/server/route-policy.ts for a demo role (declares no tests). */
import type { CaseRelation, RoutePolicy } from "../../../web/server/route-policy.js";
import { groupsOf, ROLES, SIGNED_OUT, type Role } from "./world.js";

/** Whether the policy lets `role` call the route for a case it stands to in `relation`. */
export function mayCall(policy: RoutePolicy, role: Role, relation: CaseRelation): boolean {
  if (role === SIGNED_OUT) return policy.who === "anyone";
  if (Array.isArray(policy.who) && !policy.who.some((g) => groupsOf(role).includes(g))) return false;
  return policy.reach !== "case" || mayName(policy, relation);
}

/** Whether the route's answers may name a case the caller stands to in `relation`. */
export function mayName(policy: RoutePolicy, relation: CaseRelation): boolean {
  return policy.cases === "any" || policy.cases.includes(relation);
}

/** A demo role the policy lets call the route on a case of its own (signed out only for public routes). */
export function allowedRole(policy: RoutePolicy): Role {
  const role = ROLES.find((r) => r !== SIGNED_OUT && mayCall(policy, r, "own")) ?? (policy.who === "anyone" ? SIGNED_OUT : undefined);
  if (!role) throw new Error("no demo role may call this route");
  return role;
}
