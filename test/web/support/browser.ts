/** Headless Debian Chromium for the browser tests, and a page signed in the way a user signs in. */
import { chromium, type Browser, type Page } from "playwright-core";
import { DEFAULT_DEMO_PASSWORD } from "../../../lib/engine/demo-users.js";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A new page signed in to the tasklist at `appUrl` through its sign-in form, on the task list. */
export async function signedInPage(browser: Browser, appUrl: string, userId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.getByLabel("Käyttäjätunnus").fill(userId);
  await page.getByLabel("Salasana").fill(DEFAULT_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await page.getByRole("heading", { name: "Omat tehtäväni" }).waitFor();
  return page;
}
