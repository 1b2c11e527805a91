/**
 * `nivel deadline <rule> <start-date> [--release <date>]` prints the limit as YYYY-MM-DD;
 * `nivel deadline --list` prints the rules with their legal basis.
 */
import { parseArgs } from "node:util";
import { parseDate } from "./calendar.js";
import { evaluate, RULES, ruleById, type Facts } from "./rules.js";

const USAGE = "usage: nivel deadline <rule> <start-date YYYY-MM-DD> [--release YYYY-MM-DD] | nivel deadline --list";

function dueDate(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { list: { type: "boolean" }, release: { type: "string" } },
  });
  if (values.list) {
    if (positionals.length > 0 || values.release !== undefined) throw new Error(USAGE);
    return RULES.map((r) => `${r.id}\t${r.basis}`).join("\n");
  }
  const [ruleId, start, ...extra] = positionals;
  if (!ruleId || !start || extra.length > 0) throw new Error(USAGE);
  const rule = ruleById(ruleId);
  const facts: Facts = {};
  if (values.release !== undefined) facts.releaseDate = parseDate(values.release);
  // the start date given is the rule's own: for the release rule it is the release date
  facts[rule.start] = parseDate(start);
  return evaluate(rule, facts).due;
}

export function run(args: string[]): number {
  try {
    process.stdout.write(dueDate(args) + "\n");
    return 0;
  } catch (error) {
    process.stderr.write(`nivel deadline: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
