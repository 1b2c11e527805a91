import { z } from "zod";
import { unwrap } from "../../../lib/engine/client.js";
import { ApiProblem, notFound } from "../problems.js";
import type { CockpitDeps } from "./deps.js";
import { engineDate, parseEngineDate } from "../../../lib/engine/engine-date.js";
import { ChangedReleaseDay } from "../../../workers/deadlines/release-days.js";
import { helsinkiDate } from "../../../lib/time/helsinki-date.js";
import { classificationOf } from "../../../lib/consent/classification.js";

/** Gives the failed job or external task behind an incident one more try, which resolves the incident. */
export async function retryIncident(deps: CockpitDeps, actor: string, incidentId: string): Promise<void> {
  const { client } = deps.engine;
  const [incident] = unwrap(await client.GET("/incident", { params: { query: { incidentId } } }));
  if (!incident) throw notFound("No such open incident.");
  const target = incident.configuration!;
  const retry =
    incident.incidentType === "failedExternalTask"
      ? async () => unwrap(await client.PUT("/external-task/{id}/retries", { params: { path: { id: target } }, body: { retries: 1 } }))
      : incident.incidentType === "failedJob"
        ? async () => unwrap(await client.PUT("/job/{id}/retries", { params: { path: { id: target } }, body: { retries: 1 } }))
        : undefined;
  if (!retry) throw new ApiProblem(400, "InvalidRequestException", "not-retryable", `An incident of type ${incident.incidentType} cannot be retried.`);
  await deps.audit.around(
    {
      actor,
      action: "cockpit.retry",
      processInstanceId: incident.processInstanceId ?? undefined,
      detail: { incidentId, incidentType: incident.incidentType, activityId: incident.activityId },
    },
    retry,
  );
}

export const CancelRequest = z.object({ reason: z.string().trim().min(3, "Give a reason of at least 3 characters.").max(500) });

export async function cancelInstance(deps: CockpitDeps, actor: string, id: string, reason: string): Promise<void> {
  await deps.audit.around({ actor, action: "cockpit.cancel", processInstanceId: id, detail: { reason } }, async () =>
    unwrap(await deps.engine.client.DELETE("/process-instance/{id}", { params: { path: { id }, query: { skipCustomListeners: true } } })),
  );
}

export const MessageRequest = z.discriminatedUnion("messageName", [
  // which of the release days changed (the conditional release, probationary freedom, the full term) and to what
  z.object({ messageName: z.literal("ReleaseDateChanged"), day: ChangedReleaseDay.default("releaseDate"), date: z.iso.date() }),
  z.object({ messageName: z.literal("ClientContactLost") }),
  z.object({ messageName: z.literal("ClientContactRestored") }),
]);
export type MessageRequest = z.infer<typeof MessageRequest>;

export async function correlateMessage(deps: CockpitDeps, actor: string, id: string, message: MessageRequest): Promise<void> {
  const processVariables =
    message.messageName === "ReleaseDateChanged"
      ? { [message.day]: { value: engineDate(new Date(`${message.date}T00:00:00Z`)), type: "Date" }, changedReleaseDay: { value: message.day, type: "String" } }
      : undefined;
  // A new release date belongs to the whole case: the release pathway and the joint assessment
  // it called each keep their own clocks, so every instance under the case reference hears it.
  const { businessKey } = unwrap(await deps.engine.client.GET("/process-instance/{id}", { params: { path: { id } } }));
  if (message.messageName === "ReleaseDateChanged" && message.day !== "probationFrom") {
    // a release before the contact would stall every clock: refused, as the forms refuse it
    const contact = parseEngineDate((await deps.engine.client.GET("/process-instance/{id}/variables/{varName}", { params: { path: { id, varName: "contactDate" }, query: { deserializeValue: false } } })).data?.value);
    const contactDay = contact ? helsinkiDate(contact) : null;
    if (contactDay && message.date < contactDay) {
      throw new ApiProblem(400, "InvalidRequestException", "release-before-contact", `Vapautumispäivä ei voi olla ennen yhteydenottoa (${contactDay}) / The release day cannot be before the contact (${contactDay}).`);
    }
  }
  const target = message.messageName === "ReleaseDateChanged" && businessKey ? { businessKey, all: true } : { processInstanceId: id };
  await deps.audit.around(
    {
      actor,
      action: "cockpit.message",
      processInstanceId: id,
      detail: { messageName: message.messageName, ...(message.messageName === "ReleaseDateChanged" ? { day: message.day, date: message.date } : {}) },
    },
    async () => unwrap(await deps.engine.client.POST("/message", { body: { messageName: message.messageName, ...target, processVariables } })),
  );
}

export const CorrectVariable = z.object({
  name: z.string().regex(/^\w{1,64}$/, "Not a variable name."),
  value: z.union([z.string().max(4000), z.boolean(), z.number()]),
});
export type CorrectVariable = z.infer<typeof CorrectVariable>;

/** How a corrected value is read for the variable's own type; null when it does not fit. */
function typedValue(type: string, value: string | boolean | number): { value: unknown; type: string } | null {
  if (type === "String" && typeof value === "string") return { value, type };
  if (type === "Boolean" && typeof value === "boolean") return { value, type };
  if ((type === "Integer" || type === "Long") && typeof value === "number" && Number.isInteger(value)) return { value, type };
  if (type === "Date" && typeof value === "string") {
    // a day as the forms store it (UTC midnight), or an instant with its zone
    const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? new Date(value) : new Date(NaN);
    if (Number.isNaN(instant.getTime()) || (/^\d{4}-\d{2}-\d{2}$/.test(value) && instant.toISOString().slice(0, 10) !== value)) return null;
    return { value: engineDate(instant), type };
  }
  return null;
}

/**
 * Corrects a variable that stalls a case (issue #14: a bad value behind an incident), so that a
 * retry can go through: only a variable the pathways and forms know (lib/consent/classification.ts),
 * already on the instance, with a value of its own type. Audited by name and type: the value may be
 * the client's data.
 */
export async function correctVariable(deps: CockpitDeps, actor: string, id: string, input: CorrectVariable): Promise<void> {
  if (!classificationOf(input.name)) throw new ApiProblem(400, "InvalidRequestException", "not-correctable", `${input.name} is not a variable of the pathways.`);
  const current = await deps.engine.client.GET("/process-instance/{id}/variables/{varName}", { params: { path: { id, varName: input.name }, query: { deserializeValue: false } } });
  if (current.response.status === 404) throw new ApiProblem(400, "InvalidRequestException", "no-such-variable", `The case has no variable ${input.name}.`);
  const type = unwrap(current).type ?? "";
  const typed = typedValue(type, input.value);
  if (!typed) throw new ApiProblem(400, "InvalidRequestException", "wrong-type", `${input.name} takes a value of type ${type}.`);
  await deps.audit.around({ actor, action: "cockpit.correct", processInstanceId: id, detail: { name: input.name, type } }, async () =>
    unwrap(await deps.engine.client.PUT("/process-instance/{id}/variables/{varName}", { params: { path: { id, varName: input.name } }, body: typed as never })),
  );
}
