/** How the security suites read web/server/route-policy.ts for a demo role (declares no tests). */
import type { CaseRelation, RoutePolicy } from "../../../web/server/route-policy.js";
import { groupsOf, ROLES, SIGNED_OUT, sideOfRole, type Role } from "./world.js";

/** Whether the policy lets `role` call the route for a case it stands to in `relation`. */
export function mayCall(policy: RoutePolicy, role: Role, relation: CaseRelation): boolean {
  if (role === SIGNED_OUT) return policy.who === "anyone";
  if (Array.isArray(policy.who) && !policy.who.some((g) => groupsOf(role).includes(g))) return false;
  if (policy.side && sideOfRole(role) !== policy.side) return false;
  return policy.reach !== "case" || mayName(policy, relation, role);
}

/**
 * Whether the route's answers may name a case the caller stands to in `relation`. Through the
 * routes that say so (`leads`), a team lead reaches every case of their organisation (issue #11):
 * for them such a case is their own.
 */
export function mayName(policy: RoutePolicy, relation: CaseRelation, role: Role): boolean {
  const effective = relation === "same-org" && policy.leads && groupsOf(role).includes("team-lead") ? "own" : relation;
  return policy.cases === "any" || policy.cases.includes(effective);
}

/** A demo role the policy lets call the route on a case of its own (signed out only for public routes). */
export function allowedRole(policy: RoutePolicy): Role {
  const role = ROLES.find((r) => r !== SIGNED_OUT && mayCall(policy, r, "own")) ?? (policy.who === "anyone" ? SIGNED_OUT : undefined);
  if (!role) throw new Error("no demo role may call this route");
  return role;
}
