import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { IncomingTransfer } from "./types.js";

/**
 * Cases other counties are moving into the user's county: intake takes each over, and only then
 * sees which case and client it is. Nothing is shown to those who receive none.
 */
export async function transfersSection(t: Strings, errorBox: (e: unknown) => HTMLElement, accepted: (caseRef: string) => void): Promise<HTMLElement | null> {
  let transfers: IncomingTransfer[];
  try {
    transfers = await api<IncomingTransfer[]>("/api/transfers");
  } catch (error) {
    return errorBox(error);
  }
  if (!transfers.length) return null;
  const lang = document.documentElement.lang;
  const name = (n: { fi: string; sv: string } | null) => (n ? (lang === "sv" ? n.sv : n.fi) : "–");
  const status = h("div", { class: "status", "aria-live": "assertive" });
  const accept = async (id: string) => {
    try {
      accepted((await api<{ caseRef: string }>(`/api/transfers/${encodeURIComponent(id)}/accept`, { method: "POST" })).caseRef);
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  };
  return h(
    "section",
    { class: "transfers", "aria-labelledby": "transfers-title" },
    h("h2", { id: "transfers-title" }, t.incomingTransfers),
    status,
    h(
      "table",
      { class: "task-table" },
      h("thead", {}, h("tr", {}, ...[t.fromCounty, t.municipality, t.pathway, t.requestedAt, ""].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        ...transfers.map((tr) =>
          h(
            "tr",
            {},
            h("td", {}, name(tr.fromCounty)),
            h("td", {}, name(tr.municipality)),
            h("td", {}, (tr.pathway && t.pathwayNames[tr.pathway]) ?? tr.pathway ?? "–"),
            h("td", {}, formatDate(tr.requestedAt, lang)),
            h("td", {}, tr.mayAccept ? h("button", { type: "button", class: "primary", onclick: () => void accept(tr.id) }, t.accept) : null),
          ),
        ),
      ),
    ),
  );
}
