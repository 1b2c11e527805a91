/**
 * `nivel deadline <rule> <start-date> [--release <date>]` prints the limit as YYYY-MM-DD;
 * `nivel deadline --list` prints each rule: id, status (statutory for whom, or practice), source.
 */
import { parseArgs } from "node:util";
import { parseDate } from "./calendar.js";
import { evaluate, RULES, ruleById, statusText, type Facts } from "./rules.js";

const USAGE = "usage: nivel deadline <rule> <start-date YYYY-MM-DD> [--release YYYY-MM-DD] | nivel deadline --list";

function dueDate(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { list: { type: "boolean" }, release: { type: "string" } },
  });
  if (values.list) {
    if (positionals.length > 0 || values.release !== undefined) throw new Error(USAGE);
    return RULES.map((r) => `${r.id}\t${statusText(r.status)}\t${r.source}`).join("\n");
  }
  const [ruleId, start, ...extra] = positionals;
  if (!ruleId || !start || extra.length > 0) throw new Error(USAGE);
  const rule = ruleById(ruleId);
  const facts: Facts = {};
  if (values.release !== undefined) facts.releaseDate = facts.responsibilityBegins = parseDate(values.release);
  // the start date given is the rule's own: for the release rules it is the release date
  facts[rule.start] = parseDate(start);
  if (rule.start === "responsibilityBegins") facts.releaseDate = facts.responsibilityBegins;
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
