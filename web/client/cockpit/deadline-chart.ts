// what `GET api/deadlines` answers: the server's own type, erased from the bundle
import type { DeadlineBoard } from "../../server/cockpit/deadlines.js";
import type { Strings } from "./strings.js";

const BARS: { key: keyof DeadlineBoard; colour: string }[] = [
  { key: "due-soon", colour: "#e0a000" },
  { key: "overdue", colour: "#c62828" },
  { key: "done-in-time", colour: "#2e7d32" },
  { key: "done-late", colour: "#8d6e63" },
  { key: "on-track", colour: "#1565c0" },
];

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A horizontal bar chart of the deadline board against the assessment completion limit. */
export function deadlineChart(board: DeadlineBoard, t: Strings): SVGElement {
  const rowHeight = 34;
  const labelWidth = 160;
  const barWidth = 360;
  const max = Math.max(1, ...BARS.map((b) => board[b.key]));
  const root = svg("svg", {
    viewBox: `0 0 ${labelWidth + barWidth + 50} ${BARS.length * rowHeight + 10}`,
    class: "deadline-chart",
    role: "img",
    "aria-label": t.chartLabel,
  });
  BARS.forEach((bar, i) => {
    const y = 5 + i * rowHeight;
    const count = board[bar.key];
    const width = (count / max) * barWidth;
    root.append(
      svg("text", { x: labelWidth - 8, y: y + 20, "text-anchor": "end", class: "label" }, t.chartBars[bar.key]),
      svg("rect", { x: labelWidth, y: y + 4, width: Math.max(width, 1), height: rowHeight - 12, fill: bar.colour, "data-status": bar.key }),
      svg("text", { x: labelWidth + width + 6, y: y + 20, class: "count" }, String(count)),
    );
  });
  return root;
}
