/**
 * Measuring the change (DOMAIN.md, seed 000 "Muutoksen mittaaminen"), answered from the engine's
 * own history: no store of its own, and nothing in the answer but numbers and staff user ids.
 *
 * A case belongs to the period when its contact date (`contactDate`, *vireilletulo*) falls in it,
 * Helsinki calendar dates, both ends included. The joint-assessment figures count every
 * joint-assessment instance so dated, started on its own or called from release preparation;
 * the continuity figures count the release-preparation instances so dated.
 *
 * Element ids are those of processes/joint-assessment.bpmn and processes/release-preparation.bpmn.
 */
import { DateTime } from "luxon";
import { unwrap } from "../../../lib/engine/client.js";
import type { components } from "../../../lib/engine/openapi.js";
import type { EngineDeps } from "./deps.js";
import { engineDate, parseEngineDate } from "../../../lib/engine/engine-date.js";
import { daysBetween, helsinkiDate, median, startOfHelsinkiDay, type Period } from "./measures-period.js";

type VariableCondition = components["schemas"]["VariableQueryParameterDto"];

export const JOINT_ASSESSMENT = "joint-assessment";
export const RELEASE_PREPARATION = "release-preparation";

/** the consent task: the assessment counts as started when it is done (its start clocks' documentation) */
const CONSENT_TASK = "kirjaa-suostumus";
/** the conclusion task: the assessment counts as concluded when it is done */
const CONCLUSION_TASK = "johtopaatos";
const CONCLUDED_END = "arviointi-paattyi";
/** the referrer is told of a refusal: the joint part ends, the county's assessment goes on */
const DECLINED_STEP = "ilmoita-ei-suostumusta";
/** the consent was withdrawn, in whole or in part, during the assessment */
const WITHDRAWN_STEP = "suostumus-peruttu";
/** one task per service (multi-instance), its local `serviceKind` naming the service */
const CONTINUITY_TASK = "varmista-palvelu";
/** runs when a service's release-day timer fires before the service is arranged */
const CONTINUITY_ESCALATION = "eskaloi-jatkuvuus";

/** the engine's deleteReason of a task that was completed, not cancelled with its case */
const COMPLETED = "completed";

export interface TimeFromContact {
  /** cases in which the step was done */
  measured: number;
  /** median calendar days from the contact date to the step; null when none was measured */
  medianDays: number | null;
  /** steps done by their statutory limit */
  withinLimit: number;
  /** withinLimit / measured; null when none was measured */
  share: number | null;
}

export interface WorkerPair {
  /** the referring worker (`referrerUserId`) */
  rise: string | null;
  /** the county worker who completed the conclusion task */
  county: string | null;
  cases: number;
}

export interface ServiceFigures {
  /** continuity tasks, one per service (those cancelled with their case left out) */
  services: number;
  /** completed on or before the release day */
  arrangedByReleaseDay: number;
  /** the release-day timer fired while the service was still being arranged */
  escalated: number;
  /** still open, not escalated, and the release day still ahead: not yet a success or a failure */
  awaitingReleaseDay: number;
}

export interface Measures {
  period: Period;
  jointAssessments: {
    cases: number;
    /** reached the end `arviointi-paattyi` or completed the conclusion task */
    concluded: number;
    /** of all the cases, those whose client declined to share (they go on to a conclusion of the county's own) */
    consentDeclined: number;
    /** of all the cases, those whose client withdrew consent, in whole or in part, during the assessment */
    consentWithdrawn: number;
    /** still running without a conclusion */
    open: number;
    /** ended without a conclusion: cancelled from the cockpit, or with their release pathway */
    endedOtherwise: number;
  };
  /** contact to the assessment's start, against `assessmentStartDue` */
  start: TimeFromContact;
  /** contact to the conclusion, against `assessmentCompletionDue` */
  completion: TimeFromContact;
  /** joint cases concluded per worker pair, most first */
  workerPairs: WorkerPair[];
  releaseContinuity: ServiceFigures & {
    /** release-preparation cases with continuity tasks */
    cases: number;
    /** arrangedByReleaseDay / (services − awaitingReleaseDay); null when there is nothing to judge yet */
    share: number | null;
    byServiceKind: (ServiceFigures & { serviceKind: string })[];
  };
  /** what clients said at the end of a joint assessment or a release pathway (the plan review forms) */
  feedback: FeedbackFigures;
}

export interface FeedbackFigures {
  /** cases where the client gave a rating or words of their own */
  responses: number;
  /** the mean of the ratings 1–5, to one decimal; null with none */
  averageRating: number | null;
  /** how many gave each rating */
  ratings: Record<"1" | "2" | "3" | "4" | "5", number>;
  /** how many also said something in their own words (the words stay in the case, never here) */
  comments: number;
}

/* ---------- the facts read from the engine ---------- */

export interface JointCase {
  id: string;
  finished: boolean;
  contactDate?: Date;
  startDue?: Date;
  completionDue?: Date;
  referrer?: string;
  /** when the consent task was completed */
  startedAt?: Date;
  /** when the conclusion task was completed, and by whom */
  concludedAt?: Date;
  concludedBy?: string;
  /** reached the end `arviointi-paattyi` */
  concludedEnd?: boolean;
  /** the client declined to share at the consent task */
  declined?: boolean;
  /** the client withdrew consent during the assessment */
  withdrawn?: boolean;
}

export interface ContinuityService {
  processInstanceId: string;
  serviceKind: string;
  /** the release date of its case, as a Helsinki calendar date */
  releaseDate?: string;
  /** when the task was completed; undefined while it is open */
  completedAt?: Date;
  escalated: boolean;
}

/* ---------- aggregation (pure) ---------- */

function timeFromContact(cases: JointCase[], at: (c: JointCase) => Date | undefined, due: (c: JointCase) => Date | undefined): TimeFromContact {
  const days: number[] = [];
  let withinLimit = 0;
  for (const c of cases) {
    const done = at(c);
    if (!done || !c.contactDate) continue;
    days.push(daysBetween(helsinkiDate(c.contactDate), helsinkiDate(done)));
    const limit = due(c);
    if (limit && done.getTime() <= limit.getTime()) withinLimit += 1;
  }
  return { measured: days.length, medianDays: median(days), withinLimit, share: days.length ? withinLimit / days.length : null };
}

export function jointFigures(cases: JointCase[]): Pick<Measures, "jointAssessments" | "start" | "completion" | "workerPairs"> {
  const counts = { cases: cases.length, concluded: 0, consentDeclined: 0, consentWithdrawn: 0, open: 0, endedOtherwise: 0 };
  for (const c of cases) {
    // the outcome: concluded, open or ended otherwise, which add up to the cases; consent is counted beside it
    if (c.concludedEnd || c.concludedAt) counts.concluded += 1;
    else if (!c.finished) counts.open += 1;
    else counts.endedOtherwise += 1;
    if (c.declined) counts.consentDeclined += 1;
    if (c.withdrawn) counts.consentWithdrawn += 1;
  }
  const pairs = new Map<string, WorkerPair>();
  for (const c of cases) {
    if (!c.concludedAt) continue;
    const rise = c.referrer ?? null;
    const county = c.concludedBy ?? null;
    const key = JSON.stringify([rise, county]);
    const pair = pairs.get(key) ?? { rise, county, cases: 0 };
    pair.cases += 1;
    pairs.set(key, pair);
  }
  const byName = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "");
  return {
    jointAssessments: counts,
    start: timeFromContact(cases, (c) => c.startedAt, (c) => c.startDue),
    completion: timeFromContact(cases, (c) => c.concludedAt, (c) => c.completionDue),
    workerPairs: [...pairs.values()].sort((a, b) => b.cases - a.cases || byName(a.rise, b.rise) || byName(a.county, b.county)),
  };
}

export function continuityFigures(services: ContinuityService[], today: string): Measures["releaseContinuity"] {
  const empty = (): ServiceFigures => ({ services: 0, arrangedByReleaseDay: 0, escalated: 0, awaitingReleaseDay: 0 });
  const total = empty();
  const byKind = new Map<string, ServiceFigures>();
  for (const s of services) {
    const arranged = s.completedAt !== undefined && s.releaseDate !== undefined && helsinkiDate(s.completedAt) <= s.releaseDate;
    const awaiting = s.completedAt === undefined && !s.escalated && s.releaseDate !== undefined && today < s.releaseDate;
    const kind = byKind.get(s.serviceKind) ?? empty();
    byKind.set(s.serviceKind, kind);
    for (const f of [total, kind]) {
      f.services += 1;
      if (arranged) f.arrangedByReleaseDay += 1;
      if (s.escalated) f.escalated += 1;
      if (awaiting) f.awaitingReleaseDay += 1;
    }
  }
  const judged = total.services - total.awaitingReleaseDay;
  return {
    cases: new Set(services.map((s) => s.processInstanceId)).size,
    ...total,
    share: judged > 0 ? total.arrangedByReleaseDay / judged : null,
    byServiceKind: [...byKind.entries()]
      .map(([serviceKind, f]) => ({ serviceKind, ...f }))
      .sort((a, b) => b.services - a.services || a.serviceKind.localeCompare(b.serviceKind)),
  };
}

/* ---------- reading the engine's history ---------- */

/** The history's variable filter for a contact date in the period (Helsinki days, both ends in). */
function contactIn(period: Period): VariableCondition[] {
  const dayAfter = DateTime.fromISO(period.to, { zone: "utc" }).plus({ days: 1 }).toISODate()!;
  return [
    { name: "contactDate", operator: "gteq", value: engineDate(startOfHelsinkiDay(period.from)) },
    { name: "contactDate", operator: "lt", value: engineDate(startOfHelsinkiDay(dayAfter)) },
  ];
}

async function processVariables(engine: EngineDeps, processInstanceIds: string[], names: string[]) {
  if (processInstanceIds.length === 0) return [];
  return unwrap(
    await engine.client.POST("/history/variable-instance", {
      params: { query: { deserializeValues: false } },
      body: { variableNameIn: names, processInstanceIdIn: processInstanceIds },
    }),
  );
}

/** The joint assessments with a contact date in the period, each with what the figures need. */
export async function readJointCases(engine: EngineDeps, period: Period): Promise<JointCase[]> {
  const { client } = engine;
  const contact = contactIn(period);
  const instances = async (executedActivityIdIn?: string[]) =>
    unwrap(
      await client.POST("/history/process-instance", {
        body: { processDefinitionKey: JOINT_ASSESSMENT, variables: contact, ...(executedActivityIdIn ? { executedActivityIdIn } : {}) },
      }),
    );
  const [all, concluded, declined, withdrawn, tasks] = await Promise.all([
    instances(),
    instances([CONCLUDED_END]),
    instances([DECLINED_STEP]),
    instances([WITHDRAWN_STEP]),
    client.POST("/history/task", {
      body: {
        processDefinitionKey: JOINT_ASSESSMENT,
        taskDefinitionKeyIn: [CONSENT_TASK, CONCLUSION_TASK],
        taskDeleteReason: COMPLETED,
        processVariables: contact,
      },
    }).then(unwrap),
  ]);
  const cases = new Map<string, JointCase>(all.map((p) => [p.id!, { id: p.id!, finished: p.endTime != null }]));
  for (const [list, mark] of [[concluded, "concludedEnd"], [declined, "declined"], [withdrawn, "withdrawn"]] as const) {
    for (const p of list) {
      const c = cases.get(p.id!);
      if (c) c[mark] = true;
    }
  }
  for (const t of tasks) {
    const c = cases.get(t.processInstanceId ?? "");
    const at = parseEngineDate(t.endTime);
    if (!c || !at) continue;
    if (t.taskDefinitionKey === CONSENT_TASK && (!c.startedAt || at < c.startedAt)) c.startedAt = at;
    if (t.taskDefinitionKey === CONCLUSION_TASK && (!c.concludedAt || at < c.concludedAt)) {
      c.concludedAt = at;
      c.concludedBy = t.assignee ?? undefined;
    }
  }
  const variables = await processVariables(engine, [...cases.keys()], ["contactDate", "assessmentStartDue", "assessmentCompletionDue", "referrerUserId"]);
  for (const v of variables) {
    const c = cases.get(v.processInstanceId ?? "");
    // process variables only: a local variable of the same name would be another scope's
    if (!c || v.activityInstanceId !== v.processInstanceId) continue;
    if (v.name === "contactDate") c.contactDate = parseEngineDate(v.value);
    if (v.name === "assessmentStartDue") c.startDue = parseEngineDate(v.value);
    if (v.name === "assessmentCompletionDue") c.completionDue = parseEngineDate(v.value);
    if (v.name === "referrerUserId" && typeof v.value === "string") c.referrer = v.value;
  }
  return [...cases.values()];
}

/** The continuity tasks of the release preparations with a contact date in the period. */
export async function readContinuityServices(engine: EngineDeps, period: Period): Promise<ContinuityService[]> {
  const { client } = engine;
  const tasks = unwrap(
    await client.POST("/history/task", {
      body: { processDefinitionKey: RELEASE_PREPARATION, taskDefinitionKey: CONTINUITY_TASK, processVariables: contactIn(period) },
    }),
  ).filter((t) => t.endTime == null || t.deleteReason === COMPLETED);
  if (tasks.length === 0) return [];

  // A service's escalation runs in the same multi-instance body instance as its task: the two
  // activity instances share a parent. Read per deployed version, not per case.
  const definitions = [...new Set(tasks.map((t) => t.processDefinitionId!))];
  const activities = async (activityId: string) =>
    (
      await Promise.all(
        definitions.map(async (processDefinitionId) =>
          unwrap(await client.GET("/history/activity-instance", { params: { query: { processDefinitionId, activityId } } })),
        ),
      )
    ).flat();
  const instanceIds = [...new Set(tasks.map((t) => t.processInstanceId!))];
  const [taskActivities, escalations, variables] = await Promise.all([
    activities(CONTINUITY_TASK),
    activities(CONTINUITY_ESCALATION),
    processVariables(engine, instanceIds, ["releaseDate", "serviceKind"]),
  ]);
  const parentOfTask = new Map(taskActivities.map((a) => [a.taskId, a.parentActivityInstanceId]));
  const escalatedIn = new Set(escalations.map((a) => a.parentActivityInstanceId));
  const releaseDates = new Map<string, string>();
  const kinds = new Map<string, string>();
  for (const v of variables) {
    if (v.name === "releaseDate" && v.activityInstanceId === v.processInstanceId) {
      const date = parseEngineDate(v.value);
      if (date) releaseDates.set(v.processInstanceId!, helsinkiDate(date));
    }
    // the task's own input mapping: local to the task's activity instance
    if (v.name === "serviceKind" && typeof v.value === "string") kinds.set(v.activityInstanceId!, v.value);
  }
  return tasks.map((t) => {
    const parent = parentOfTask.get(t.id);
    const releaseDate = releaseDates.get(t.processInstanceId!);
    const completedAt = t.deleteReason === COMPLETED ? parseEngineDate(t.endTime) : undefined;
    return {
      processInstanceId: t.processInstanceId!,
      serviceKind: kinds.get(t.activityInstanceId!) ?? "unknown",
      ...(releaseDate ? { releaseDate } : {}),
      ...(completedAt ? { completedAt } : {}),
      escalated: parent != null && escalatedIn.has(parent),
    };
  });
}

export interface ClientFeedback {
  rating?: "1" | "2" | "3" | "4" | "5";
  commented: boolean;
}

export function feedbackFigures(answers: ClientFeedback[]): FeedbackFigures {
  const given = answers.filter((a) => a.rating || a.commented);
  const ratings = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
  for (const a of given) if (a.rating) ratings[a.rating] += 1;
  const rated = Object.entries(ratings).reduce((n, [, count]) => n + count, 0);
  const sum = Object.entries(ratings).reduce((n, [rating, count]) => n + Number(rating) * count, 0);
  return {
    responses: given.length,
    averageRating: rated ? Math.round((sum / rated) * 10) / 10 : null,
    ratings,
    comments: given.filter((a) => a.commented).length,
  };
}

/** The clients' feedback on the joint assessments and release pathways with a contact date in the period. */
export async function readFeedback(engine: EngineDeps, period: Period): Promise<ClientFeedback[]> {
  const instances = unwrap(
    await engine.client.POST("/history/process-instance", {
      body: { processDefinitionKeyIn: [JOINT_ASSESSMENT, RELEASE_PREPARATION], variables: contactIn(period) },
    }),
  );
  const byCase = new Map<string, ClientFeedback>(instances.map((p) => [p.id!, { commented: false }]));
  for (const v of await processVariables(engine, [...byCase.keys()], ["clientFeedbackRating", "clientFeedback"])) {
    const answer = byCase.get(v.processInstanceId ?? "");
    if (!answer || v.activityInstanceId !== v.processInstanceId) continue;
    if (v.name === "clientFeedbackRating" && typeof v.value === "string" && /^[1-5]$/.test(v.value)) answer.rating = v.value as ClientFeedback["rating"];
    if (v.name === "clientFeedback" && typeof v.value === "string" && v.value.trim()) answer.commented = true;
  }
  return [...byCase.values()];
}

/** Every figure for the period; `now` decides which release days are still ahead. */
export async function measures(engine: EngineDeps, period: Period, now: Date): Promise<Measures> {
  const [cases, services, feedback] = await Promise.all([readJointCases(engine, period), readContinuityServices(engine, period), readFeedback(engine, period)]);
  return {
    period,
    ...jointFigures(cases),
    releaseContinuity: continuityFigures(services, helsinkiDate(now)),
    feedback: feedbackFigures(feedback),
  };
}
