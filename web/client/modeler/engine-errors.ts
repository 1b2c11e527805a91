import { h } from "../shared/dom.js";

export interface ParseProblem {
  message: string;
  elementIds?: string[] | null;
}

interface Overlays {
  add(elementId: string, type: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

const TYPE = "engine-error";

/** Marks each element the engine refused with its parse error (after `prefix`, "Engine" in the chosen language), until the next deployment attempt. */
export function showEngineErrors(overlays: Overlays, registry: ElementRegistry, problems: ParseProblem[], prefix: string): void {
  overlays.remove({ type: TYPE });
  for (const problem of problems) {
    for (const id of problem.elementIds ?? []) {
      if (!registry.get(id)) continue;
      overlays.add(id, TYPE, {
        position: { top: -28, left: 0 },
        html: h("div", { class: "engine-error", "data-element": id, title: problem.message }, `${prefix}: ${problem.message}`),
      });
    }
  }
}

export function clearEngineErrors(overlays: Overlays): void {
  overlays.remove({ type: TYPE });
}
