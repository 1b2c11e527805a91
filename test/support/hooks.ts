import { stopSharedEngine } from "./engine.js";

export const mochaHooks = {
  async afterAll() {
    await stopSharedEngine();
  },
};
