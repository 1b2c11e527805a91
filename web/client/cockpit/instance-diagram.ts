import NavigatedViewerModule from "bpmn-js/lib/NavigatedViewer.js";
import { h } from "../shared/dom.js";
import type { Strings } from "./strings.js";

// bpmn-js is ESM without "type": "module", so NodeNext types its default export as a CJS namespace;
// the bundler hands over the class itself.
const NavigatedViewer = NavigatedViewerModule as unknown as typeof NavigatedViewerModule.default;

interface Overlays {
  add(elementId: string, overlay: { position: Record<string, number>; html: HTMLElement }): string;
}
interface Canvas {
  zoom(level: "fit-viewport"): void;
  addMarker(elementId: string, marker: string): void;
}

export interface DiagramMarks {
  tokens: Record<string, number>;
  incidents: { id: string; activityId: string }[];
  onIncident(activityId: string): void;
}

/** Shows the diagram with a blue badge of waiting tokens and a red badge of incidents on each activity. */
export async function renderInstanceDiagram(container: HTMLElement, xml: string, t: Strings, marks: DiagramMarks): Promise<void> {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get<Canvas>("canvas");
  const overlays = viewer.get<Overlays>("overlays");
  canvas.zoom("fit-viewport");
  for (const [activityId, count] of Object.entries(marks.tokens)) {
    canvas.addMarker(activityId, "has-token");
    overlays.add(activityId, {
      position: { bottom: 12, left: -10 },
      html: h("span", { class: "token-badge", title: t.waitingHere(count), "data-activity": activityId }, String(count)),
    });
  }
  const incidentsByActivity = new Map<string, number>();
  for (const incident of marks.incidents) {
    incidentsByActivity.set(incident.activityId, (incidentsByActivity.get(incident.activityId) ?? 0) + 1);
  }
  for (const [activityId, count] of incidentsByActivity) {
    canvas.addMarker(activityId, "has-incident");
    overlays.add(activityId, {
      position: { bottom: 12, right: 10 },
      html: h(
        "button",
        {
          class: "incident-badge",
          type: "button",
          title: t.incidentsHere(count),
          "data-activity": activityId,
          onclick: () => marks.onIncident(activityId),
        },
        `⚠ ${count}`,
      ),
    });
  }
}
