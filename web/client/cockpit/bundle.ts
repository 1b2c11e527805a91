import { bundlePage } from "../shared/bundle-page.js";

/** Bundles the cockpit page script and its styles into web/public/build/cockpit/. */
export function bundleCockpit(): Promise<void> {
  return bundlePage("cockpit");
}
