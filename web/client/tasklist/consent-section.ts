import { api, ApiError } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { ConsentPage, Grant } from "./types.js";

/**
 * The client's consent on the case page, for either side's case team: a box per item and
 * recipient (the other organisation, or a member of the client's network), its purpose, how it
 * was given and until when. Saving records a new version; unticking withdraws; "withdraws all"
 * saves one with nothing. Outside the team the section is not there (the server says 403).
 */
export async function consentSection(caseRef: string, t: Strings, errorBox: (e: unknown) => HTMLElement, changed: (notice: string) => void): Promise<HTMLElement | null> {
  let page: ConsentPage;
  try {
    page = await api<ConsentPage>(`/api/cases/${encodeURIComponent(caseRef)}/consent`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return null;
    return h("section", { class: "consent" }, h("h2", {}, t.consentTitle), errorBox(error));
  }
  const lang = document.documentElement.lang;
  const granted = new Set(page.inForce.map((g) => `${g.item}>${g.to}`));
  const recipientName = (to: string) => t.consentRecipients[to] ?? page.network.find((m) => `network:${m.id}` === to)?.name ?? to;
  const boxId = (item: string, to: string) => `consent-${item}-${to.replace(/[^\w-]/g, "-")}`;
  const status = h("div", { class: "status", "aria-live": "assertive" });
  const current = page.current;

  const table = h(
    "table",
    { class: "consent-table" },
    h("caption", {}, t.consentIntro),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.consentItem), ...page.recipients.map((to) => h("th", { scope: "col" }, recipientName(to))))),
    h(
      "tbody",
      {},
      ...page.items.map((item) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, t.consentItemNames[item] ?? item),
          ...page.recipients.map((to) =>
            h(
              "td",
              {},
              h("input", {
                type: "checkbox",
                id: boxId(item, to),
                name: "grant",
                value: `${item}>${to}`,
                "aria-label": `${t.consentItemNames[item] ?? item}: ${recipientName(to)}`,
                checked: granted.has(`${item}>${to}`),
              }),
            ),
          ),
        ),
      ),
    ),
  );
  const form = h(
    "form",
    { class: "case-form consent-form", novalidate: true },
    table,
    h("label", { for: "consent-purpose" }, t.consentPurpose),
    h("input", { id: "consent-purpose", name: "purpose", required: true, maxlength: "500", value: current?.purpose ?? "" }),
    h("label", { for: "consent-given-how" }, t.consentGivenHow),
    h(
      "select",
      { id: "consent-given-how", name: "givenHow" },
      ...["in-person", "in-writing"].map((v) => h("option", { value: v, selected: current?.givenHow === v }, t.givenHowNames[v] ?? v)),
    ),
    h("label", { for: "consent-until" }, t.consentUntil),
    h("input", { id: "consent-until", name: "validUntil", type: "date", value: current?.validUntil ?? "" }),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "submit", class: "primary" }, t.saveConsent),
      " ",
      h("button", { type: "button", onclick: () => void save([]) }, t.withdrawAll),
    ),
  );
  const save = async (grants: Grant[]) => {
    const data = new FormData(form);
    try {
      await api(`/api/cases/${encodeURIComponent(caseRef)}/consent`, {
        method: "PUT",
        body: { grants, purpose: String(data.get("purpose") ?? ""), givenHow: String(data.get("givenHow") ?? "in-person"), validUntil: String(data.get("validUntil") ?? "") || null },
      });
      changed(t.consentSaved);
    } catch (error) {
      status.replaceChildren(errorBox(error));
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const grants = Array.from(form.querySelectorAll<HTMLInputElement>('input[name="grant"]:checked')).map((box) => {
      const [item, to] = box.value.split(">");
      return { item, to } as Grant;
    });
    void save(grants);
  });

  return h(
    "section",
    { class: "consent", "aria-labelledby": "consent-title" },
    h("h2", { id: "consent-title" }, t.consentTitle),
    status,
    form,
    page.history.length
      ? h(
          "details",
          {},
          h("summary", {}, t.consentHistory),
          h(
            "ol",
            { class: "consent-history" },
            ...[...page.history].reverse().map((v) =>
              h("li", {}, `${t.planVersion(v.version, formatDate(String(v.recordedAt), lang))} · ${t.consentChanges[v.change] ?? v.change} · ${v.recordedBy} · ${t.givenHowNames[v.givenHow] ?? v.givenHow}`),
            ),
          ),
        )
      : null,
  );
}
