import { expect } from "chai";
import { StoreInputError, type Store } from "../../lib/store/index.js";
import { backends, freshStore, newCaseRef } from "./backends.js";

const t = (iso: string) => new Date(iso);

const countyPlan = {
  releaseDate: "2026-12-15",
  reviewDate: "2027-02-01",
  goals: [{ area: "housing", text: "Own rental flat" }],
  services: [{ kind: "housing", provider: "Y-Foundation", start: "2026-12-15", end: null, responsible: "Social worker Virtanen" }],
};

async function rejected(work: Promise<unknown>): Promise<StoreInputError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the store accepted invalid input").to.be.instanceOf(StoreInputError);
  return error as StoreInputError;
}

for (const backend of backends()) {
  describe(`app store repositories on ${backend.name}`, function () {
    let store: Store;
    before(async function () {
      store = await freshStore(backend);
    });
    after(async function () {
      await store?.close();
      await backend.cleanup();
    });

    describe("plans", function () {
      it("keeps every version with who saved it and when; latest is the newest", async function () {
        const caseRef = newCaseRef();
        expect(await store.plans.save(caseRef, "county", countyPlan, "anna", t("2026-11-01T09:00:00Z"))).to.deep.equal({ version: 1 });
        const revised = { ...countyPlan, reviewDate: "2027-03-01" };
        expect(await store.plans.save(caseRef, "county", revised, "ben", t("2026-11-02T10:30:00Z"))).to.deep.equal({ version: 2 });
        await store.plans.save(caseRef, "rise", { releaseDate: "2026-12-15" }, "rita", t("2026-11-03T08:00:00Z"));

        const latest = await store.plans.latest(caseRef, "county");
        expect(latest).to.include({ version: 2, savedBy: "ben" });
        expect(latest!.savedAt.toISOString()).to.equal("2026-11-02T10:30:00.000Z");
        expect(latest!.content).to.have.property("reviewDate", "2027-03-01");

        const history = await store.plans.history(caseRef, "county");
        expect(history.map((v) => [v.version, v.savedBy, v.savedAt.toISOString()])).to.deep.equal([
          [1, "anna", "2026-11-01T09:00:00.000Z"],
          [2, "ben", "2026-11-02T10:30:00.000Z"],
        ]);
        expect(history[0]!.content).to.have.property("reviewDate", "2027-02-01");
        // The RISE plan is numbered on its own, with the schema's defaults filled in.
        const rise = await store.plans.latest(caseRef, "rise");
        expect(rise).to.include({ version: 1, savedBy: "rita" });
        expect(rise!.content).to.deep.equal({ releaseDate: "2026-12-15", reviewDate: null, goals: [], services: [], contacts: [] });
      });

      it("gives concurrent saves of one plan distinct consecutive versions", async function () {
        const caseRef = newCaseRef();
        const saved = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.plans.save(caseRef, "rise", { releaseDate: null }, `worker-${i}`, new Date())),
        );
        expect(saved.map((s) => s.version).sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
        expect(await store.plans.history(caseRef, "rise")).to.have.length(8);
      });

      it("refuses an invalid plan, naming the field, and writes nothing", async function () {
        const caseRef = newCaseRef();
        const bad = { ...countyPlan, services: [{ ...countyPlan.services[0], kind: "space-travel" }] };
        const error = await rejected(store.plans.save(caseRef, "county", bad, "anna", new Date()));
        expect(error.message).to.match(/^Invalid county plan: services\.0\.kind: /);
        const badDate = await rejected(store.plans.save(caseRef, "county", { ...countyPlan, releaseDate: "15.12.2026" }, "anna", new Date()));
        expect(badDate.message).to.contain("releaseDate");
        await rejected(store.plans.save("case-1", "county", countyPlan, "anna", new Date()));
        await rejected(store.plans.save(caseRef, "county", countyPlan, "  ", new Date()));
        expect(await store.plans.history(caseRef, "county")).to.deep.equal([]);
        expect(await store.plans.latest(caseRef, "county")).to.equal(null);
      });
    });

    describe("consents", function () {
      const base = { purpose: "Yhteinen arviointi", givenHow: "in-person" as const, validUntil: null };
      it("keeps every version with who recorded it and what changed; the newest is current", async function () {
        const caseRef = newCaseRef();
        expect(await store.consents.current(caseRef)).to.equal(null);
        const first = await store.consents.record(caseRef, { ...base, grants: [{ item: "goals", to: "rise" }, { item: "services", to: "rise" }] }, "anna", t("2026-11-01T09:00:00Z"));
        expect([first.version, first.change]).to.deep.equal([1, "given"]);
        await store.consents.record(caseRef, { ...base, grants: [{ item: "goals", to: "rise" }] }, "ben", t("2026-11-03T09:00:00Z"));
        await store.consents.record(caseRef, { ...base, givenHow: "in-writing", validUntil: "2027-06-30", grants: [] }, "ben", t("2026-11-05T12:00:00Z"));
        const current = await store.consents.current(caseRef);
        expect([current?.version, current?.change, current?.grants, current?.validUntil, current?.givenHow]).to.deep.equal([3, "withdrawn", [], "2027-06-30", "in-writing"]);
        const history = await store.consents.history(caseRef);
        expect(history.map((h) => [h.version, h.change, h.recordedBy, h.recordedAt.toISOString()])).to.deep.equal([
          [1, "given", "anna", "2026-11-01T09:00:00.000Z"],
          [2, "withdrawn-partly", "ben", "2026-11-03T09:00:00.000Z"],
          [3, "withdrawn", "ben", "2026-11-05T12:00:00.000Z"],
        ]);
      });

      it("refuses unknown items, unknown recipients, a grant given twice and a missing purpose, writing nothing", async function () {
        const caseRef = newCaseRef();
        const unknown = await rejected(store.consents.record(caseRef, { ...base, grants: [{ item: "diagnosis" as "goals", to: "rise" }] }, "anna", new Date()));
        expect(unknown.message).to.match(/^Invalid consent: consent\.grants\.0\.item: /);
        await rejected(store.consents.record(caseRef, { ...base, grants: [{ item: "goals", to: "police" as "rise" }] }, "anna", new Date()));
        const twice = await rejected(store.consents.record(caseRef, { ...base, grants: [{ item: "goals", to: "rise" }, { item: "goals", to: "rise" }] }, "anna", new Date()));
        expect(twice.message).to.contain("granted to the same recipient twice");
        await rejected(store.consents.record(caseRef, { ...base, purpose: " ", grants: [] }, "anna", new Date()));
        expect(await store.consents.history(caseRef)).to.deep.equal([]);
      });
    });

    describe("network", function () {
      it("adds, lists and removes the client's network members", async function () {
        const caseRef = newCaseRef();
        const peer = await store.network.add({ caseRef, name: "Pekka Peer", role: "peer expert", organisation: "KRITS", email: "pekka@example.org", language: "fi", kind: "peer" }, "anna", t("2026-11-01T09:00:00Z"));
        await store.network.add({ caseRef, name: "Sara Sister", role: "sister", language: "sv", kind: "relative" }, "anna", t("2026-11-01T09:05:00Z"));
        const members = await store.network.membersOf(caseRef);
        expect(members.map((m) => [m.name, m.email, m.language, m.kind, m.organisation])).to.deep.equal([
          ["Pekka Peer", "pekka@example.org", "fi", "peer", "KRITS"],
          ["Sara Sister", null, "sv", "relative", null],
        ]);
        expect(await store.network.membersOf(newCaseRef())).to.deep.equal([]);
        expect(await store.network.remove(caseRef, peer.id)).to.equal(true);
        expect(await store.network.remove(caseRef, peer.id)).to.equal(false);
        expect((await store.network.membersOf(caseRef)).map((m) => m.name)).to.deep.equal(["Sara Sister"]);
      });

      it("refuses a bad e-mail address, language or kind, writing nothing", async function () {
        const caseRef = newCaseRef();
        const base = { caseRef, name: "N", role: "r", language: "fi", kind: "ngo" } as const;
        expect((await rejected(store.network.add({ ...base, email: "not-an-address" }, "anna", new Date()))).message).to.match(/^Invalid network member: email: /);
        expect((await rejected(store.network.add({ ...base, language: "de" as "fi" }, "anna", new Date()))).message).to.contain("language");
        expect((await rejected(store.network.add({ ...base, kind: "landlord" as "ngo" }, "anna", new Date()))).message).to.contain("kind");
        expect(await store.network.membersOf(caseRef)).to.deep.equal([]);
      });
    });

    describe("inbox", function () {
      it("lists a user's notifications newest first and marks only their own read", async function () {
        const caseRef = newCaseRef();
        const entry = (title: string, createdAt: string) => ({ userId: "inbox-anna", caseRef, template: "referral-received", title, body: "See the case.", link: "/cases/" + caseRef, createdAt: t(createdAt) });
        const first = await store.inbox.add(entry("first", "2026-11-01T09:00:00Z"));
        await store.inbox.add(entry("second", "2026-11-01T10:00:00Z"));
        await store.inbox.add({ ...entry("for ben", "2026-11-01T11:00:00Z"), userId: "inbox-ben", link: undefined });

        expect((await store.inbox.listFor("inbox-anna")).map((e) => e.title)).to.deep.equal(["second", "first"]);
        expect(await store.inbox.unreadCount("inbox-anna")).to.equal(2);
        expect(await store.inbox.markRead("inbox-ben", first.id, new Date()), "another user's entry").to.equal(false);
        expect(await store.inbox.markRead("inbox-anna", first.id, t("2026-11-02T08:00:00Z"))).to.equal(true);
        expect(await store.inbox.markRead("inbox-anna", first.id, new Date()), "already read").to.equal(false);
        expect(await store.inbox.unreadCount("inbox-anna")).to.equal(1);
        expect((await store.inbox.listFor("inbox-anna", { unreadOnly: true })).map((e) => e.title)).to.deep.equal(["second"]);
        const read = (await store.inbox.listFor("inbox-anna")).find((e) => e.id === first.id)!;
        expect(read.readAt!.toISOString()).to.equal("2026-11-02T08:00:00.000Z");
        expect((await store.inbox.listFor("inbox-ben"))[0]).to.include({ title: "for ben", link: null, readAt: null });
      });

      it("refuses an off-site link, writing nothing", async function () {
        const error = await rejected(store.inbox.add({ userId: "inbox-carl", caseRef: newCaseRef(), template: "x", title: "t", body: "b", link: "https://evil.example/", createdAt: new Date() }));
        expect(error.message).to.match(/^Invalid inbox entry: link: /);
        expect(await store.inbox.listFor("inbox-carl")).to.deep.equal([]);
      });
    });

    describe("notices", function () {
      it("lets exactly one of many concurrent claims on a key win", async function () {
        const now = new Date();
        const claims = await Promise.all(Array.from({ length: 25 }, () => store.notices.claim("race:NIV-1:referral-received", now, new Date(now.getTime() - 60_000))));
        expect(claims.filter((c) => c === "claimed")).to.have.length(1);
        expect(claims.filter((c) => c === "busy")).to.have.length(24);
      });

      it("answers sent after markSent, for ever", async function () {
        const key = "sent:NIV-2:deadline-passed";
        expect(await store.notices.claim(key, t("2026-11-01T09:00:00Z"))).to.equal("claimed");
        await store.notices.markSent(key, t("2026-11-01T09:00:05Z"));
        expect(await store.notices.claim(key, t("2030-01-01T00:00:00Z"), t("2029-12-31T00:00:00Z"))).to.equal("sent");
        const notice = await store.notices.get(key);
        expect(notice).to.include({ state: "sent" });
        expect(notice!.createdAt.toISOString()).to.equal("2026-11-01T09:00:00.000Z");
        expect(notice!.sentAt!.toISOString()).to.equal("2026-11-01T09:00:05.000Z");
      });

      it("takes over a stale claim, not a young one, and can be claimed again after release", async function () {
        const key = "stale:NIV-3:meeting-invitation";
        expect(await store.notices.claim(key, t("2026-11-01T09:00:00Z"))).to.equal("claimed");
        expect(await store.notices.claim(key, t("2026-11-01T09:01:00Z"), t("2026-11-01T08:59:00Z")), "young claim").to.equal("busy");
        expect(await store.notices.claim(key, t("2026-11-01T09:20:00Z"), t("2026-11-01T09:10:00Z")), "stale claim").to.equal("claimed");
        await store.notices.release(key);
        expect(await store.notices.get(key)).to.equal(null);
        expect(await store.notices.claim(key, t("2026-11-01T09:21:00Z"), t("2026-11-01T09:11:00Z"))).to.equal("claimed");
      });

      it("refuses to mark sent a notice never claimed", async function () {
        const error = await store.notices.markSent("never-claimed", new Date()).then(() => undefined, (e: unknown) => e);
        expect(error).to.be.instanceOf(Error).with.property("message").that.contains("never claimed");
        expect(await store.notices.get("never-claimed")).to.equal(null);
      });
    });

    describe("audit", function () {
      it("appends and queries by case, by user and by time", async function () {
        const caseA = newCaseRef();
        const caseB = newCaseRef();
        await store.audit.append({ actor: "audit-anna", action: "case.read", caseRef: caseA, at: t("2026-11-01T09:00:00Z") });
        await store.audit.append({ actor: "audit-ben", action: "plan.save", caseRef: caseA, detail: { owner: "county", version: 2 }, at: t("2026-11-02T09:00:00Z") });
        await store.audit.append({ actor: "audit-anna", action: "instance.cancel", caseRef: caseB, at: t("2026-11-03T09:00:00Z") });
        await store.audit.append({ actor: "audit-anna", action: "user.login", at: t("2026-11-04T09:00:00Z") });

        expect((await store.audit.query({ caseRef: caseA })).map((e) => [e.actor, e.action])).to.deep.equal([
          ["audit-anna", "case.read"],
          ["audit-ben", "plan.save"],
        ]);
        const byAnna = await store.audit.query({ actor: "audit-anna" });
        expect(byAnna.map((e) => e.action)).to.deep.equal(["case.read", "instance.cancel", "user.login"]);
        expect(byAnna[2]).to.include({ caseRef: null });
        const window = await store.audit.query({ actor: "audit-anna", from: t("2026-11-02T00:00:00Z"), to: t("2026-11-04T09:00:00Z") });
        expect(window.map((e) => e.action)).to.deep.equal(["instance.cancel"]);
        expect((await store.audit.query({ caseRef: caseA, actor: "audit-ben" }))[0]!.detail).to.deep.equal({ owner: "county", version: 2 });
      });

      it("chains every row to the one before it, also when many are appended at once", async function () {
        await Promise.all(Array.from({ length: 25 }, (_, i) => store.audit.append({ actor: "audit-chain", action: "case.read", detail: { i, note: { b: 1, a: [true, null] } }, at: new Date() })));
        const report = await store.audit.verify();
        expect(report).to.include({ ok: true, unchainedBefore: 0 });
        if (!report.ok) return;
        expect(report.chained).to.equal(report.rows).and.to.be.greaterThanOrEqual(25);
        expect(report.head).to.match(/^[0-9a-f]{64}$/);
      });

      it("refuses an entry without an actor or with a free-text action, writing nothing", async function () {
        const caseRef = newCaseRef();
        expect((await rejected(store.audit.append({ actor: "", action: "case.read", caseRef, at: new Date() }))).message).to.match(/^Invalid audit entry: actor: /);
        expect((await rejected(store.audit.append({ actor: "anna", action: "looked at the file", caseRef, at: new Date() }))).message).to.contain("dotted verb");
        expect(await store.audit.query({ caseRef })).to.deep.equal([]);
      });
    });

    describe("sessions", function () {
      const created = t("2026-11-01T09:00:00Z");
      const expires = t("2026-11-01T10:00:00Z");
      const absolute = t("2026-11-01T21:00:00Z");
      const session = (userId: string, groups: string[] = [], createdAt = created, expiresAt = expires, absoluteExpiresAt = absolute) =>
        store.sessions.create({ userId, groups, createdAt, expiresAt, absoluteExpiresAt });

      it("finds a live session by its token, never an expired one", async function () {
        const { token, session: s } = await session("anna", ["county-social-worker"]);
        expect(token).to.have.length.greaterThan(30);
        expect(s.csrfToken).to.have.length.greaterThan(30).and.not.equal(token);
        expect(s.checkedAt.toISOString()).to.equal(created.toISOString());
        expect(await store.sessions.get(token, t("2026-11-01T09:59:59Z"))).to.deep.include({ userId: "anna", groups: ["county-social-worker"] });
        expect(await store.sessions.get(token, expires)).to.equal(null);
        expect(await store.sessions.get("some-other-token", created)).to.equal(null);
      });

      it("slides the expiry on touch, but not of an expired session, and never past the absolute end", async function () {
        const { token } = await session("ben");
        expect(await store.sessions.touch(token, t("2026-11-01T09:30:00Z"), t("2026-11-01T10:30:00Z"))).to.equal(true);
        expect(await store.sessions.get(token, t("2026-11-01T10:15:00Z"))).to.not.equal(null);
        expect(await store.sessions.touch(token, t("2026-11-01T10:31:00Z"), t("2026-11-01T11:31:00Z"))).to.equal(false);
        expect(await store.sessions.get(token, t("2026-11-01T10:31:00Z"))).to.equal(null);

        const kept = await session("ben");
        // used every hour all day: the idle expiry keeps moving, the absolute end does not
        for (let halfHour = 1; halfHour < 24; halfHour++) {
          const at = new Date(created.getTime() + halfHour * 1_800_000);
          expect(await store.sessions.touch(kept.token, at, new Date(at.getTime() + 3_600_000)), `${halfHour / 2} hours in`).to.equal(true);
        }
        const live = (await store.sessions.get(kept.token, t("2026-11-01T20:59:00Z")))!;
        expect(live.expiresAt.toISOString()).to.equal(absolute.toISOString());
        expect(await store.sessions.get(kept.token, absolute)).to.equal(null);
      });

      it("records a re-check's groups and time, keeping the latest check when two processes race", async function () {
        const { token } = await session("gwen", ["admin", "team-lead"]);
        await store.sessions.recheck(token, ["team-lead"], t("2026-11-01T09:01:00Z"));
        await store.sessions.recheck(token, ["team-lead"], t("2026-11-01T09:00:30Z"));
        const s = (await store.sessions.get(token, t("2026-11-01T09:02:00Z")))!;
        expect(s.groups).to.deep.equal(["team-lead"]);
        expect(s.checkedAt.toISOString()).to.equal("2026-11-01T09:01:00.000Z");
      });

      it("ends all of one user's sessions and lists who is signed in", async function () {
        const at = t("2026-11-01T09:30:00Z");
        const a = await session("hugo");
        const b = await session("hugo", [], t("2026-11-01T09:10:00Z"));
        const other = await session("iris", [], t("2026-11-01T09:05:00Z"));
        const listed = (await store.sessions.signedIn(at)).filter((u) => ["hugo", "iris"].includes(u.userId));
        expect(listed.map((u) => [u.userId, u.sessions, u.lastSignIn.toISOString()])).to.deep.equal([
          ["hugo", 2, "2026-11-01T09:10:00.000Z"],
          ["iris", 1, "2026-11-01T09:05:00.000Z"],
        ]);
        expect(await store.sessions.endAllOf("hugo", at)).to.equal(2);
        expect([await store.sessions.get(a.token, at), await store.sessions.get(b.token, at)]).to.deep.equal([null, null]);
        expect(await store.sessions.get(other.token, at)).to.deep.include({ userId: "iris" });
        expect(await store.sessions.endAllOf("hugo", at)).to.equal(0);
      });

      it("deletes on logout and purges only expired sessions", async function () {
        const base = t("2030-01-01T00:00:00Z").getTime();
        const at = (minutes: number) => new Date(base + minutes * 60_000);
        const loggedOut = await session("carl", [], at(0), at(60), at(600));
        await store.sessions.delete(loggedOut.token);
        expect(await store.sessions.get(loggedOut.token, at(1))).to.equal(null);

        const old = await session("dora", [], at(0), at(10), at(600));
        const live = await session("dora", [], at(0), at(120), at(600));
        const purged = await store.sessions.purgeExpired(at(30));
        expect(purged).to.be.greaterThanOrEqual(1);
        expect(await store.sessions.get(old.token, at(5)), "purged even for a reader with an older clock").to.equal(null);
        expect(await store.sessions.get(live.token, at(30))).to.deep.include({ userId: "dora" });
      });

      it("refuses a session that expires before it starts, or ends before its idle expiry", async function () {
        expect((await rejected(session("eve", [], expires, created))).message).to.equal("Invalid session: expiresAt: must be after createdAt");
        expect((await rejected(session("eve", [], created, expires, created))).message).to.equal("Invalid session: absoluteExpiresAt: must not be before expiresAt");
      });
    });

    describe("sign-in attempts", function () {
      const at = (seconds: number) => new Date(t("2026-11-01T09:00:00Z").getTime() + seconds * 1000);

      it("counts attempts per key in a window, takes one back, and starts a new window when it closes", async function () {
        const key = `user:${newCaseRef()}`;
        expect((await store.signInAttempts.hit(key, at(0), 60_000)).hits).to.equal(1);
        const second = await store.signInAttempts.hit(key, at(10), 60_000);
        expect([second.hits, second.windowEndsAt.toISOString()]).to.deep.equal([2, at(60).toISOString()]);
        await store.signInAttempts.undo(key, at(11));
        expect((await store.signInAttempts.hit(key, at(12), 60_000)).hits).to.equal(2);
        const fresh = await store.signInAttempts.hit(key, at(61), 60_000);
        expect([fresh.hits, fresh.windowEndsAt.toISOString()]).to.deep.equal([1, at(121).toISOString()]);
        await store.signInAttempts.reset(key);
        expect((await store.signInAttempts.hit(key, at(62), 60_000)).hits).to.equal(1);
      });

      it("counts every one of many concurrent attempts", async function () {
        const key = `address:${newCaseRef()}`;
        const counts = await Promise.all(Array.from({ length: 20 }, () => store.signInAttempts.hit(key, at(0), 60_000)));
        expect(counts.map((c) => c.hits).sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
      });
    });

    describe("transactions", function () {
      it("commits an audit row with the change it records, or neither", async function () {
        const actor = `tx-${newCaseRef()}`;
        await store.transaction(async (tx) => {
          await tx.audit.append({ actor, action: "preferences.language", at: t("2026-11-01T09:00:00Z") });
          await tx.preferences.setLanguage(actor, "sv", t("2026-11-01T09:00:00Z"));
        });
        const failed = await store
          .transaction(async (tx) => {
            await tx.audit.append({ actor, action: "preferences.language", at: t("2026-11-01T10:00:00Z") });
            await tx.preferences.setLanguage(actor, "en", t("2026-11-01T10:00:00Z"));
            throw new Error("the request failed after both writes");
          })
          .then(() => undefined, (e: unknown) => e);
        expect(failed).to.be.instanceOf(Error);
        expect(await store.preferences.languageOf(actor)).to.equal("sv");
        expect((await store.audit.query({ actor })).map((e) => e.at.toISOString())).to.deep.equal(["2026-11-01T09:00:00.000Z"]);
        expect((await store.audit.verify()).ok).to.equal(true);
      });
    });

    describe("preferences", function () {
      it("keeps each user's language, the latest choice winning, and knows none for a user who never chose", async function () {
        expect(await store.preferences.languageOf("sw.nieminen")).to.equal(null);
        await store.preferences.setLanguage("sw.nieminen", "sv", t("2026-11-23T08:00:00Z"));
        await store.preferences.setLanguage("sw.nieminen", "en", t("2026-11-23T09:00:00Z"));
        await store.preferences.setLanguage("rise.virtanen", "fi", t("2026-11-23T09:00:00Z"));
        expect([await store.preferences.languageOf("sw.nieminen"), await store.preferences.languageOf("rise.virtanen")]).to.deep.equal(["en", "fi"]);
      });

      it("refuses a language Nivel has no words for, and keeps the choice already made", async function () {
        const error = await rejected(store.preferences.setLanguage("sw.nieminen", "de" as "fi", t("2026-11-23T10:00:00Z")));
        expect(error.message).to.match(/^Invalid language/);
        expect(await store.preferences.languageOf("sw.nieminen")).to.equal("en");
      });
    });
  });
}
