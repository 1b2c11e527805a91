#!/usr/bin/env node
// The nivel command. Nivel has no build step, so this plain-JS entry lets tsx load the
// TypeScript behind it (tsx 4: `register` from "tsx/esm/api").
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
