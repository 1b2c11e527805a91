import { z } from "zod";
import { unwrap, type EngineClient } from "../../lib/engine/client.js";
import { membersOf } from "../../lib/engine/staff.js";
import { languageFor } from "./render.js";
import { BadInput } from "../shared/task-failure.js";
import type { Language } from "./templates/catalogue.js";

/** One entry of the `to` input: `group:<id>` (or `group:<role>.<organisation>`), `user:<id>`, `referrer`, `personal-worker`, `network`. */
const RecipientSpec = z.union([
  z.templateLiteral(["group:", z.string().min(1)]),
  z.templateLiteral(["user:", z.string().min(1)]),
  z.literal("referrer"),
  z.literal("personal-worker"),
  z.literal("network"),
]);
type RecipientSpec = z.infer<typeof RecipientSpec>;

/** Parses the comma-separated `to` input; throws a readable error for anything else. */
export function parseRecipients(to: string): RecipientSpec[] {
  const parts = to.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new BadInput("the local variable 'to' names no recipient");
  return parts.map((part) => {
    const parsed = RecipientSpec.safeParse(part);
    if (!parsed.success) {
      throw new BadInput(`the local variable 'to' has '${part}': expected group:<id>, user:<id>, referrer, personal-worker or network`);
    }
    return parsed.data;
  });
}

export interface Recipient {
  /** stable over retries: part of the dedupe key */
  key: string;
  /** engine user, who also gets the notice in the in-app inbox */
  userId: string | null;
  email: string | null;
  language: Language;
}

/** A person in the client's own network, recorded on the case in the app store. */
export interface NetworkMember {
  id: string;
  email: string | null;
  language: string | null;
}

export interface RecipientDirectory {
  engine: EngineClient;
  /** the network members recorded on the case */
  networkOf(caseRef: string): Promise<NetworkMember[]>;
  /** the language an engine user chose in the app, if any (the engine keeps none) */
  languageOf(userId: string): Promise<string | null>;
}

export interface CaseRoles {
  caseRef: string;
  referrerUserId: string | null;
  personalWorkerId: string | null;
}

/** Everyone the specs name, each once. */
export async function resolveRecipients(specs: RecipientSpec[], roles: CaseRoles, directory: RecipientDirectory): Promise<Recipient[]> {
  const found = new Map<string, Recipient>();
  const addUser = async (userId: string, email?: string | null) => {
    if (found.has(`user:${userId}`)) return;
    const address = email !== undefined ? email : await userEmail(directory.engine, userId);
    found.set(`user:${userId}`, {
      key: `user:${userId}`,
      userId,
      email: address || null,
      language: languageFor(await directory.languageOf(userId)),
    });
  };
  for (const spec of specs) {
    if (spec.startsWith("group:")) {
      // `group:team-lead.<countyId>`: the team leads of the case's county, not of every county
      for (const member of await membersOf(directory.engine, spec.slice("group:".length))) await addUser(member.id, member.email);
    } else if (spec.startsWith("user:")) {
      await addUser(spec.slice("user:".length));
    } else if (spec === "referrer") {
      await addUser(required(roles.referrerUserId, "referrerUserId", spec));
    } else if (spec === "personal-worker") {
      await addUser(required(roles.personalWorkerId, "personalWorkerId", spec));
    } else {
      for (const member of await directory.networkOf(roles.caseRef)) {
        found.set(`network:${member.id}`, {
          key: `network:${member.id}`,
          userId: null,
          email: member.email,
          language: languageFor(member.language),
        });
      }
    }
  }
  return [...found.values()];
}

function required(value: string | null, variable: string, spec: string): string {
  if (!value) throw new BadInput(`'to' names ${spec}, but the process has no ${variable}`);
  return value;
}

async function userEmail(engine: EngineClient, userId: string): Promise<string | null> {
  const result = await engine.GET("/user/{id}/profile", { params: { path: { id: userId } } });
  if (result.response.status === 404) throw new BadInput(`'to' names the engine user ${userId}, who does not exist`);
  return unwrap(result).email ?? null;
}
