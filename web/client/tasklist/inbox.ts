import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatDate } from "./format.js";
import type { Strings } from "./strings.js";
import type { InboxEntry } from "./types.js";

export async function inboxSection(t: Strings, errorBox: (e: unknown) => HTMLElement): Promise<HTMLElement> {
  const section = h("section", { class: "inbox", "aria-labelledby": "inbox-title" });
  section.append(h("h2", { id: "inbox-title" }, t.inbox));
  try {
    const { entries, unread } = await api<{ entries: InboxEntry[]; unread: number }>("/api/inbox");
    section.append(h("p", { class: "meta" }, t.unread(unread)));
    if (!entries.length) section.append(h("p", { class: "empty" }, t.noInbox));
    section.append(
      h(
        "ul",
        { class: "inbox-list" },
        ...entries.map((entry) => {
          const li = h(
            "li",
            { class: entry.readAt ? "read" : "unread" },
            h("strong", {}, entry.title),
            h("span", { class: "meta" }, ` ${entry.caseRef} · ${formatDate(entry.createdAt, document.documentElement.lang)}`),
            h("p", {}, entry.body),
          );
          if (!entry.readAt) {
            li.append(
              h("button", {
                type: "button",
                onclick: async () => {
                  await api(`/api/inbox/${entry.id}/read`, { method: "POST" });
                  li.className = "read";
                  li.querySelector("button")?.remove();
                },
              }, t.markRead),
            );
          }
          return li;
        }),
      ),
    );
  } catch (error) {
    section.append(errorBox(error));
  }
  return section;
}
