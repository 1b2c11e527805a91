import { expect } from "chai";
import { readFileSync } from "node:fs";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "../../lib/engine/demo-users.js";

/** The README's table of demo users is DEMO_USERS, with the password they are created with. */
describe("the README's demo users", () => {
  it("lists every demo user with their group and the demo password, and no one else", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("### Demo users"), readme.indexOf("### Engine settings"));
    const rows = [...section.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).to.deep.equal(DEMO_USERS.map((u) => [u.id, u.groups.join(", ")]));
    expect(section).to.contain(`**\`${DEFAULT_DEMO_PASSWORD}\`**`);
  });
});
