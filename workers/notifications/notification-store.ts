import type { Store } from "../../lib/store/index.js";

/** What the notification worker uses of the app store. */
export type NotificationStore = Pick<Store, "notices" | "inbox" | "network" | "preferences" | "consents">;
