import { bundlePage } from "../shared/bundle-page.js";

/** Bundles the tasklist script and styles (form-js included) into web/public/build/tasklist/. */
export function bundleTasklist(): Promise<void> {
  return bundlePage("tasklist");
}
