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

  it("lists the rules with their legal basis", async () => {
    const { code, stdout } = await nivel("deadline", "--list");
    expect(code).to.equal(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.map((l) => l.split("\t")[0])).to.deep.equal(["assessment-start", "assessment-completion", "release", "plan-review", "urgent"]);
    expect(lines[0]).to.contain("SHL 1301/2014 § 36");
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
