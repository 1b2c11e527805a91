/**
 * The one filter between the organisations: what a viewer on one side sees of a case's variables,
 * derived from the consent as it stands now (never from a copy). Task forms, the case view and
 * the plans all pass through here.
 */
import { classificationOf, SERVICE_KIND_VARIABLES, serviceItem } from "./classification.js";
import { itemsCrossingTo, type ConsentItem, type ConsentVersion, type Side } from "./model.js";

export interface Viewer {
  /** null: neither organisation (an admin): sees only what is the case's */
  side: Side | null;
}

/** What crosses to the viewer now: the items the other side's data may show. */
export function crossingTo(viewer: Viewer, consent: Pick<ConsentVersion, "grants" | "validUntil"> | null, today: string): Set<ConsentItem> {
  return viewer.side ? itemsCrossingTo(consent, viewer.side, today) : new Set();
}

/**
 * The value of variable `name` as the viewer may see it, or `undefined` when it must not cross.
 * Unclassified variables never cross: a variable nobody has placed is nobody's to see.
 * Lists of service kinds keep the kinds the viewer may see.
 */
export function visibleValue(name: string, value: unknown, viewer: Viewer, crossing: ReadonlySet<ConsentItem>): unknown {
  const c = classificationOf(name);
  if (!c) return undefined;
  if (c.owner === "case" || c.owner === viewer.side) return value;
  if (c.item === null) return undefined;
  if (SERVICE_KIND_VARIABLES.has(name)) {
    if (Array.isArray(value)) return value.filter((kind) => crossing.has(serviceItem(kind)));
    return value === null || value === undefined || crossing.has(serviceItem(value)) ? value : undefined;
  }
  return crossing.has(c.item) ? value : undefined;
}

/** The variables of `values` the viewer may see (optionally only `keys`), filtered as visibleValue does. */
export function visibleVariables(values: Record<string, unknown>, viewer: Viewer, crossing: ReadonlySet<ConsentItem>, keys?: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (keys && !keys.has(name)) continue;
    const shown = visibleValue(name, value, viewer, crossing);
    if (shown !== undefined) out[name] = shown;
  }
  return out;
}

/** The items of the viewer's side crossed to it, for the audit's "on what basis". */
export function crossedItems(names: Iterable<string>, values: Record<string, unknown>, viewer: Viewer): ConsentItem[] {
  const items = new Set<ConsentItem>();
  for (const name of names) {
    const c = classificationOf(name);
    if (!c || c.owner === "case" || c.owner === viewer.side || c.item === null) continue;
    if (SERVICE_KIND_VARIABLES.has(name)) {
      const v = values[name];
      for (const kind of Array.isArray(v) ? v : [v]) if (kind !== null && kind !== undefined) items.add(serviceItem(kind));
    } else items.add(c.item);
  }
  return [...items].sort();
}
