import { expect } from "chai";
import type { AddressInfo } from "node:net";
import { openStore } from "../../lib/store/index.js";
import { startWeb } from "../../web/server/main.js";
import { useEngine } from "../support/engine.js";

/**
 * The web app an `npm start` runs (with its demo users and their published password) listens on
 * this machine only; HOST opens it on purpose, as the image and compose do for their container.
 */
describe("where the web app listens", function () {
  this.timeout(120_000);

  for (const [env, expected] of [
    [{}, "127.0.0.1"],
    [{ HOST: "0.0.0.0" }, "0.0.0.0"],
  ] as const) {
    it(`on ${expected} ${"HOST" in env ? "with HOST=0.0.0.0" : "by default"}`, async () => {
      const engine = await useEngine();
      const store = await openStore({ backend: "memory" });
      const server = await startWeb(engine.app, store, { PORT: "0", ...env });
      try {
        expect((server.address() as AddressInfo).address).to.equal(expected);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await store.close();
      }
    });
  }
});
