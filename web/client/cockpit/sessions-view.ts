import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatTime } from "./format-time.js";
import { table, type ViewContext } from "./views.js";

interface SignedIn {
  userId: string;
  sessions: number;
  lastSignIn: string;
}

/**
 * Who is signed in, and a control to end a user's sessions at once (a lost device, a misused
 * account, someone who left): the user must sign in again, with what the engine now gives them.
 */
export async function sessionsView(context: ViewContext, outcome: string, rerender: (outcome: string) => void): Promise<HTMLElement> {
  const { t } = context;
  const users = await api<SignedIn[]>("api/sessions");
  const status = h("p", { class: "status", role: "status" }, outcome);
  const end = async (userId: string) => {
    if (!confirm(t.confirmEnd(userId))) return;
    try {
      const { ended } = await api<{ ended: number }>(`api/sessions/${encodeURIComponent(userId)}/end`, { method: "POST" });
      rerender(t.ended(ended, userId));
    } catch (e) {
      if (context.refused(e)) return;
      status.textContent = t.endFailed(userId, (e as Error).message);
      status.classList.add("error");
    }
  };
  const userId = h("input", { name: "userId", placeholder: t.userId, required: true, "aria-label": t.userId });
  return h(
    "section",
    { class: "sessions" },
    h("h1", {}, t.sessions),
    status,
    users.length
      ? table(
          t.sessionHeaders,
          users.map((u) => [
            u.userId,
            String(u.sessions),
            formatTime(u.lastSignIn, t.locale),
            h("button", { type: "button", class: "danger end-sessions", "data-user": u.userId, onclick: () => void end(u.userId) }, t.endSessions),
          ]),
          "signed-in",
        )
      : h("p", {}, t.nobody),
    h(
      "form",
      { class: "end-by-id", onsubmit: (e: Event) => { e.preventDefault(); void end(userId.value.trim()); } },
      h("label", {}, t.endSessionsOf, userId),
      h("button", { type: "submit", class: "danger" }, t.endSessions),
    ),
  );
}
