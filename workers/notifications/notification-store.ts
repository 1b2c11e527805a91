import type { NetworkMember } from "./recipients.js";

/**
 * What the notification worker needs from the app store (lib/store), and nothing more, so the
 * worker can be wired to the store's repositories by the runner.
 */

/** The outcome of claiming a notice's dedupe key. */
export type Claim =
  /** the caller now holds the key and must deliver, then markSent (or release on failure) */
  | "claimed"
  /** already delivered: do nothing */
  | "sent"
  /** another delivery holds a recent claim: try again later */
  | "busy";

export interface NoticeLedger {
  /**
   * Atomically: a new key becomes pending (claimed); a pending key claimed before `staleBefore`
   * is taken over (claimed), a younger one is busy; a sent key stays sent.
   */
  claim(key: string, now: Date, staleBefore: Date): Promise<Claim>;
  markSent(key: string, now: Date): Promise<void>;
  /** gives up a claim whose delivery failed for certain, so a retry can claim it again */
  release(key: string): Promise<void>;
}

export interface InboxEntry {
  userId: string;
  caseRef: string;
  template: string;
  title: string;
  body: string;
  createdAt: Date;
}

export interface NotificationStore {
  notices: NoticeLedger;
  inbox: { add(entry: InboxEntry): Promise<void> };
  /** the client's own network recorded on the case: people outside the engine, with their language */
  network: { membersOf(caseRef: string): Promise<NetworkMember[]> };
  /** the language an engine user chose in the app (the engine keeps none) */
  preferences: { languageOf(userId: string): Promise<string | null> };
}
