import type { Store } from "../../lib/store/index.js";

/** What the plan workers use of the app store: versioned plans (`rise`, `county`, `joint`) and consents. */
export type PlanStore = Pick<Store, "plans" | "consents">;
