import { bundlePage, pageBundleDir } from "../shared/bundle-page.js";

export const TASKLIST_BUNDLE_DIR = pageBundleDir("tasklist");

/** Bundles the tasklist script and styles (form-js included) into web/public/build/tasklist/. */
export function bundleTasklist(): Promise<void> {
  return bundlePage("tasklist");
}
