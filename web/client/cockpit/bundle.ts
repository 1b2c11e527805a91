import { bundlePage, pageBundleDir } from "../shared/bundle-page.js";

export const COCKPIT_BUNDLE_DIR = pageBundleDir("cockpit");

/** Bundles the cockpit page script and its styles into web/public/build/cockpit/. */
export function bundleCockpit(): Promise<void> {
  return bundlePage("cockpit");
}
