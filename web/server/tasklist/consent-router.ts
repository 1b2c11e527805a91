import express from "express";
import { z } from "zod";
import type { EngineClient } from "../../../lib/engine/client.js";
import { CONSENT_ITEMS, ConsentInput, grantsInForce } from "../../../lib/consent/model.js";
import { helsinkiDate } from "../../../lib/time/helsinki-date.js";
import type { Store } from "../../../lib/store/index.js";
import { audit, auditedChange } from "../audit.js";
import { currentUser } from "../auth/user.js";
import { AccessDenied, ApiProblem } from "../problems.js";
import { withBody } from "../route-body.js";
import { caseStanding, onTeamOrLeads, sideOf } from "./case-team.js";
import { recordConsent } from "./consent.js";

export interface ConsentDeps {
  engine: EngineClient;
  store: Store;
  now: () => Date;
}

const CaseRefParam = z.string().regex(/^NIV-\d{4}-\d{6}$/, "not a case reference");
/**
 * The client's consent on the case page (issue #11 item 5): either side's case team (and the
 * team leads of the case's organisations) read it with its history and record a new version:
 * giving more, or withdrawing some items or all of them, at any phase. Nobody else.
 */
export function consentRouter(deps: ConsentDeps): express.Router {
  const { engine, store } = deps;
  const router = express.Router();

  const guard = async (res: express.Response, caseRefParam: string) => {
    const caseRef = CaseRefParam.parse(caseRefParam);
    if (!onTeamOrLeads(currentUser(res), await caseStanding(store, caseRef))) throw new AccessDenied("case's consent", caseRef);
    return caseRef;
  };

  router.get("/cases/:caseRef/consent", async (req, res) => {
    const caseRef = await guard(res, req.params.caseRef);
    const [history, network] = await Promise.all([store.consents.history(caseRef), store.network.membersOf(caseRef)]);
    const current = history.at(-1) ?? null;
    await audit(res, "case.consent.read", caseRef, { versions: history.length });
    res.json({
      caseRef,
      items: CONSENT_ITEMS,
      recipients: ["rise", "county", ...network.map((m) => `network:${m.id}`)],
      network: network.map((m) => ({ id: m.id, name: m.name, role: m.role })),
      current,
      /** the grants that hold today: none once the end date has passed */
      inForce: grantsInForce(current, helsinkiDate(deps.now())),
      history,
    });
  });

  router.put(
    "/cases/:caseRef/consent",
    withBody(ConsentInput, async (req, res, consent) => {
      const caseRef = await guard(res, String(req.params.caseRef));
      const members = new Set((await store.network.membersOf(caseRef)).map((m) => `network:${m.id}`));
      const stranger = consent.grants.find((g) => g.to.startsWith("network:") && !members.has(g.to));
      if (stranger) throw new ApiProblem(400, "InvalidRequestException", "not-in-network", "Vastaanottaja ei ole asiakkaan verkostossa / The recipient is not in the client's network.");
      if (consent.validUntil && consent.validUntil < helsinkiDate(deps.now())) {
        throw new ApiProblem(400, "InvalidRequestException", "consent-ended", "Päättymispäivä ei voi olla mennyt / The end date cannot be in the past.");
      }
      const user = currentUser(res);
      const { version, withdrawn } = await auditedChange(res, "case.consent.record", caseRef, { grants: consent.grants.length }, () =>
        recordConsent(engine, store, caseRef, consent, { id: user.id, side: sideOf(user) }, deps.now()),
      );
      res.json({ version: version.version, change: version.change, withdrawn });
    }),
  );

  return router;
}
