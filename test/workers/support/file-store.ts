import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Claim, InboxEntry, NotificationStore } from "../../../workers/notifications/notification-store.js";
import type { NetworkMember } from "../../../workers/notifications/recipients.js";

/**
 * A test double of the app store's repositories (lib/store is not there yet), kept in one JSON
 * file so that a worker process killed mid-task and its successor see the same state. Each
 * operation reads and writes the file synchronously, so a claim is atomic within a process.
 */
interface State {
  notices: Record<string, { state: "pending" | "sent"; claimedAt: string; sentAt?: string }>;
  inbox: (Omit<InboxEntry, "createdAt"> & { createdAt: string })[];
  network: Record<string, NetworkMember[]>;
  languages: Record<string, string>;
}

export function fileStore(path: string): NotificationStore & { read(): State; update(change: (s: State) => void): void } {
  const read = (): State =>
    existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as State) : { notices: {}, inbox: [], network: {}, languages: {} };
  const update = <T>(change: (s: State) => T): T => {
    const state = read();
    const result = change(state);
    writeFileSync(path, JSON.stringify(state));
    return result;
  };
  return {
    read,
    update,
    notices: {
      async claim(key, now, staleBefore): Promise<Claim> {
        return update((s) => {
          const existing = s.notices[key];
          if (existing?.state === "sent") return "sent";
          if (existing && new Date(existing.claimedAt) >= staleBefore) return "busy";
          s.notices[key] = { state: "pending", claimedAt: now.toISOString() };
          return "claimed";
        });
      },
      async markSent(key, now) {
        update((s) => {
          s.notices[key] = { ...s.notices[key]!, state: "sent", sentAt: now.toISOString() };
        });
      },
      async release(key) {
        update((s) => {
          delete s.notices[key];
        });
      },
    },
    inbox: {
      async add(entry) {
        update((s) => {
          s.inbox.push({ ...entry, createdAt: entry.createdAt.toISOString() });
        });
      },
    },
    network: { membersOf: async (caseRef) => read().network[caseRef] ?? [] },
    preferences: { languageOf: async (userId) => read().languages[userId] ?? null },
  };
}
