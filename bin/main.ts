/** The subcommands of `nivel`, each loaded only when called. */
const COMMANDS: Record<string, () => Promise<{ run: (args: string[]) => number | Promise<number> }>> = {
  deadline: () => import("../workers/deadlines/cli.js"),
  "audit-verify": () => import("./audit-verify.js"),
};

/** Runs `nivel <command> …` and gives the exit code: 2 for a command line it cannot use. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(`nivel: ${name ? `unknown command "${name}"` : "no command given"}; the commands are ${Object.keys(COMMANDS).join(", ")}\n`);
    return 2;
  }
  return (await load()).run(args);
}
