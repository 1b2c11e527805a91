import { unwrap, type EngineClient } from "../../../lib/engine/client.js";
import { routingVariables, selfGranted, withdrawnGrants, type ConsentInput, type ConsentVersion, type Grant, type Side } from "../../../lib/consent/model.js";
import { ApiProblem } from "../problems.js";
import { crossingTo, type Viewer } from "../../../lib/consent/shared-view.js";
import { helsinkiDate } from "../../../lib/time/helsinki-date.js";
import type { Repositories, Store } from "../../../lib/store/index.js";

/** The message every running instance of the case gets when grants are withdrawn (BPMN: msg-consent-withdrawn). */
export const CONSENT_WITHDRAWN = "ConsentWithdrawn";

/**
 * Records a new version of the case's consent by `recordedBy` (the signed-in user), then tells
 * every running instance of the case: the routing variables follow the consent, and when grants
 * were withdrawn `ConsentWithdrawn` reaches each instance that waits for it, with the items.
 * The store is written first: the shared view follows the store at once, whatever the engine does.
 * After the consent task, a worker extends only what their own organisation discloses (model.ts
 * selfGranted); the consent task records both directions, as agreed with the client together.
 */
export async function recordConsent(
  engine: EngineClient,
  store: Pick<Repositories, "consents">,
  caseRef: string,
  input: ConsentInput,
  recordedBy: { id: string; side: Side | null },
  at: Date,
  /** the consent task: the joint recording with the client at the assessment's start, of both directions at once */
  joint = false,
): Promise<{ version: ConsentVersion; withdrawn: Grant[] }> {
  const before = await store.consents.current(caseRef);
  if (!joint && selfGranted(recordedBy.side, before?.grants ?? [], input.grants).length) {
    throw new ApiProblem(
      403,
      "ConsentNotYours",
      "consent-self-grant",
      "Vain tiedot luovuttava organisaatio voi kirjata suostumuksen luovuttaa ne / Only the organisation that discloses the information may record consent to disclose it.",
    );
  }
  const version = await store.consents.record(caseRef, input, recordedBy.id, at);
  const withdrawn = before ? withdrawnGrants(before.grants, version.grants) : [];
  await tellInstances(engine, caseRef, version.grants, withdrawn);
  return { version, withdrawn };
}

async function tellInstances(engine: EngineClient, caseRef: string, grants: readonly Grant[], withdrawn: readonly Grant[]): Promise<void> {
  const routing = routingVariables(grants);
  const modifications = {
    consentGiven: { value: routing.consentGiven, type: "Boolean" },
    consentItems: { value: JSON.stringify(routing.consentItems), type: "Json" },
  };
  const instances = unwrap(await engine.GET("/process-instance", { params: { query: { businessKey: caseRef } } }));
  for (const instance of instances) {
    unwrap(await engine.POST("/process-instance/{id}/variables", { params: { path: { id: instance.id! } }, body: { modifications } }));
  }
  if (withdrawn.length === 0 || instances.length === 0) return;
  const withdrawnItems = [...new Set(withdrawn.map((g) => g.item))].sort();
  // `all`: every instance of the case that waits for it, and none is an error when none waits
  unwrap(
    await engine.POST("/message", {
      body: {
        messageName: CONSENT_WITHDRAWN,
        businessKey: caseRef,
        all: true,
        processVariables: { withdrawnItems: { value: JSON.stringify(withdrawnItems), type: "Json" } },
      },
    }),
  );
}

/** What crosses to the viewer now, by the case's consent in force today (Helsinki). */
export async function crossingFor(store: Pick<Store, "consents">, caseRef: string, viewer: Viewer, now: Date) {
  const consent = await store.consents.current(caseRef);
  return { consent, crossing: crossingTo(viewer, consent, helsinkiDate(now)) };
}
