import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatTime } from "./format-time.js";
import { table } from "./views.js";

interface SignedIn {
  userId: string;
  sessions: number;
  lastSignIn: string;
}

/**
 * Who is signed in, and a control to end a user's sessions at once (a lost device, a misused
 * account, someone who left): the user must sign in again, with what the engine now gives them.
 */
export async function sessionsView(outcome: string, rerender: (outcome: string) => void): Promise<HTMLElement> {
  const users = await api<SignedIn[]>("api/sessions");
  const status = h("p", { class: "status", role: "status" }, outcome);
  const end = async (userId: string) => {
    if (!confirm(`End every session of ${userId}?`)) return;
    try {
      const { ended } = await api<{ ended: number }>(`api/sessions/${encodeURIComponent(userId)}/end`, { method: "POST" });
      rerender(`Ended ${ended} session${ended === 1 ? "" : "s"} of ${userId}.`);
    } catch (e) {
      status.textContent = `Ending the sessions of ${userId} failed: ${(e as Error).message}`;
      status.classList.add("error");
    }
  };
  const userId = h("input", { name: "userId", placeholder: "User id", required: true, "aria-label": "User id" });
  return h(
    "section",
    { class: "sessions" },
    h("h1", {}, "Sessions"),
    status,
    users.length
      ? table(
          ["User", "Sessions", "Last sign-in", ""],
          users.map((u) => [
            u.userId,
            String(u.sessions),
            formatTime(u.lastSignIn),
            h("button", { type: "button", class: "danger end-sessions", "data-user": u.userId, onclick: () => void end(u.userId) }, "End sessions"),
          ]),
          "signed-in",
        )
      : h("p", {}, "Nobody is signed in."),
    h(
      "form",
      { class: "end-by-id", onsubmit: (e: Event) => { e.preventDefault(); void end(userId.value.trim()); } },
      h("label", {}, "End the sessions of ", userId),
      h("button", { type: "submit", class: "danger" }, "End sessions"),
    ),
  );
}
