import { expect } from "chai";
import { unwrap } from "../../lib/engine/client.js";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, ensureDemoIdentity, GROUPS } from "../../lib/engine/demo-users.js";
import { useEngine, type TestEngine } from "../support/engine.js";

describe("demo identity in the engine", function () {
  this.timeout(120_000);
  let engine: TestEngine;

  before(async () => {
    engine = await useEngine();
  });

  it("creates the groups of DOMAIN.md and the demo users once, with ids the engine accepts", async () => {
    const first = await ensureDemoIdentity(engine.client, engine.connection.user);
    const groups = unwrap(await engine.client.GET("/group")).map((g) => g.id);
    expect(groups).to.include.members(GROUPS.map((g) => g.id));

    // another suite of the run may have created them already; either way they are there once
    const users = unwrap(await engine.client.GET("/user")).map((u) => u.id);
    expect(users).to.include.members(DEMO_USERS.map((u) => u.id));
    expect(first.length === 0 || first.length === DEMO_USERS.length).to.equal(true);
    expect(await ensureDemoIdentity(engine.client, engine.connection.user)).to.deep.equal([]);

    const verified = unwrap(
      await engine.client.POST("/identity/verify", { body: { username: "rise.virtanen", password: DEFAULT_DEMO_PASSWORD } }),
    );
    expect(verified.authenticated).to.equal(true);
    const membership = unwrap(await engine.client.GET("/identity/groups", { params: { query: { userId: "rise.virtanen" } } }));
    // a role group and one organisation, Vantaa prison
    expect(membership.groups?.map((g) => g.id)).to.have.members(["rise-caseworker", "rise-vantaan-vankila"]);
    const admins = unwrap(await engine.client.GET("/user", { params: { query: { memberOfGroup: "admin" } } })).map((u) => u.id);
    expect(admins).to.include(engine.connection.user);
  });
});
