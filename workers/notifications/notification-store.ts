import type { Store } from "../../lib/store/index.js";

/** What the notification worker uses of the app store. */
export type NotificationStore = Pick<Store, "notices" | "inbox" | "network"> & {
  /**
   * the language an engine user chose in the app (the engine keeps none). The store has no such
   * preference yet; without it every engine user reads Finnish.
   */
  preferences?: { languageOf(userId: string): Promise<string | null> };
};
