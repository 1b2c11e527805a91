/**
 * Which timers of a diagram wait for which variable: a timer whose `timeDate` is just
 * `${name}` (or `#{name}`) follows that variable, so the deadline worker can move its job when
 * the variable changes (docs/contracts.md). Likewise a user task whose `camunda:dueDate` is
 * just `${name}`: its open tasks' due dates follow the variable.
 */
import { BpmnModdle, type ModdleElement } from "bpmn-moddle";
import { createRequire } from "node:module";

const camunda = createRequire(import.meta.url)("camunda-bpmn-moddle/resources/camunda.json") as Record<string, unknown>;

const VARIABLE_EXPRESSION = /^\s*[$#]\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\s*$/;

export interface FollowingVariables {
  /** activity id of each timer event (its job's activity) → the variable its `timeDate` names */
  timers: Map<string, string>;
  /** task definition key of each user task → the variable its `camunda:dueDate` names */
  taskDues: Map<string, string>;
}

const variableOf = (body: unknown) => (typeof body === "string" ? VARIABLE_EXPRESSION.exec(body)?.[1] : undefined);

export async function timerVariables(xml: string): Promise<FollowingVariables> {
  const { elementsById } = await new BpmnModdle({ camunda }).fromXML(xml);
  const timers = new Map<string, string>();
  const taskDues = new Map<string, string>();
  for (const element of Object.values(elementsById)) {
    if (element.$type === "bpmn:UserTask" && element.id) {
      const due = variableOf(element.get("camunda:dueDate"));
      if (due) taskDues.set(element.id, due);
    }
    const definitions = (element.get("eventDefinitions") ?? []) as ModdleElement[];
    for (const definition of definitions) {
      if (definition.$type !== "bpmn:TimerEventDefinition") continue;
      const body = (definition.get("timeDate") as ModdleElement | undefined)?.get("body");
      const name = variableOf(body);
      if (name && element.id) timers.set(element.id, name);
    }
  }
  return { timers, taskDues };
}
