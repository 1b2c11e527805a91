/* Expected dates worked out by hand from a printed calendar; the counting is beside each. */
import { expect } from "chai";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const NIVEL = fileURLToPath(new URL("../../bin/nivel.js", import.meta.url));

async function nivel(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [NIVEL, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("nivel deadline (the command line)", function () {
  this.timeout(30_000);

  it("prints the due date and nothing else", async () => {
    // Wed 1 Apr 2026 + 7 weekdays across Easter (3–6 Apr off) = Tue 14 Apr 2026
    expect(await nivel("deadline", "assessment-start", "2026-04-01")).to.deep.equal({ code: 0, stdout: "2026-04-14\n", stderr: "" });
    // 31 Jan 2026 + 3 months: April has no 31st → Thu 30 Apr 2026 (Walpurgis Eve is no holiday)
    expect((await nivel("deadline", "assessment-completion", "2026-01-31")).stdout).to.equal("2026-04-30\n");
  });

  it("takes the release date when it comes before the three months", async () => {
    // 31 Jan 2026 + 3 months = Thu 30 Apr 2026; release Fri 20 Feb 2026 is earlier
    expect((await nivel("deadline", "assessment-completion", "2026-01-31", "--release", "2026-02-20")).stdout).to.equal("2026-02-20\n");
  });

  it("lists each rule with its status (statutory for whom, or practice) and its source", async () => {
    const { code, stdout } = await nivel("deadline", "--list");
    expect(code).to.equal(0);
    const rows = Object.fromEntries(stdout.trimEnd().split("\n").map((l) => { const [id, status, source] = l.split("\t"); return [id, { status, source }]; }));
    expect(Object.keys(rows)).to.deep.equal([
      "assessment-start",
      "assessment-completion",
      "release",
      "release-eve",
      "fast-track",
      "children-start",
      "children-completion",
      "plan-review",
      "urgent",
    ]);
    expect(rows["assessment-start"]!.status).to.match(/^practice: the 7th weekday is statutory only for people over 75, recipients of the highest care allowance and children needing special support; for other adults the law says without delay/);
    expect(rows["assessment-start"]!.source).to.equal("SHL 1301/2014 36 § 2 mom.; for children, lastensuojelulaki 417/2007 26 § 3 mom.");
    expect(rows["assessment-completion"]!.status).to.match(/^practice: the three months are statutory for children and families; for adults they are the practice adopted here/);
    expect(rows["urgent"]!.status).to.match(/^statutory for everyone in urgent need/);
    expect(rows["children-start"]!.status).to.match(/^statutory for children needing special support/);
    // probationary freedom is in the Criminal Code chapter 2 c and Act 629/2013, not the Imprisonment Act
    expect(rows["release"]!.source).to.contain("rikoslaki 2 c luku; laki valvotusta koevapaudesta 629/2013");
    expect(stdout).to.not.contain("vankeudesta");
  });

  it("gives the release eve and the fast-track window", async () => {
    // release Sun 15 Mar 2026: the last working day before is Fri 13 Mar
    expect((await nivel("deadline", "release-eve", "2026-03-15")).stdout).to.equal("2026-03-13\n");
    // contact Thu 5 Mar 2026 + 30 days = Sat 4 Apr 2026, a window's end, not moved
    expect((await nivel("deadline", "fast-track", "2026-03-05")).stdout).to.equal("2026-04-04\n");
  });

  it("refuses an unknown rule, a bad date or a bad option with one line on stderr and exit code 2", async () => {
    const cases: [string[], RegExp][] = [
      [["deadline", "assessment-finish", "2026-01-01"], /unknown rule "assessment-finish"/],
      [["deadline", "assessment-start", "2026-02-29"], /"2026-02-29" is not a date in the calendar/],
      [["deadline", "assessment-start", "1.2.2026"], /YYYY-MM-DD/],
      [["deadline", "assessment-completion", "2026-01-31", "--release", "tomorrow"], /"tomorrow"/],
      [["deadline", "assessment-start"], /usage: nivel deadline/],
      [["deadline", "assessment-start", "2026-01-05", "--soon"], /--soon/],
      [["deadline", "--list", "assessment-start"], /usage: nivel deadline/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await nivel(...args);
      expect(code, args.join(" ")).to.equal(2);
      expect(stdout).to.equal("");
      expect(stderr).to.match(message);
      expect(stderr.trimEnd().split("\n")).to.have.length(1);
    }
  });
});
