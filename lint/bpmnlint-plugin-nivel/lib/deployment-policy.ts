/**
 * docs/deployment-policy.md as the engine applies it: a line-for-line port of
 * engine/src/main/java/fi/nivel/engine/policy/DeploymentPolicy.java over the same view of a
 * document (elements by local name, their attributes, text and children), so that the modeler's
 * lint and the engine's parse refuse the same constructs on the same element, with the same words.
 */
import { checkExpressions } from "./expression-grammar";

/** An element of the document as the engine's parser reads it (DeploymentPolicy.Node). */
export interface PolicyNode {
  readonly localName: string;
  readonly attributes: readonly PolicyAttribute[];
  readonly text: string;
  readonly children: readonly PolicyNode[];
}

/** An attribute; `namespace` is the URI, empty for BPMN's own unqualified attributes. */
export interface PolicyAttribute {
  readonly namespace: string;
  readonly localName: string;
  readonly value: string;
}

/**
 * Receives each violation (in the engine's words, without its "Nivel deployment policy: " prefix
 * and "(element …)" suffix, which the modeler shows by other means) with the element it is on
 * and the id of the element to name: the flow element or root element it belongs to.
 */
export type Report = (message: string, node: PolicyNode, elementId: string | null) => void;

const CODE_ELEMENTS = new Set(["scriptTask", "script", "connector"]);
const CODE_ATTRIBUTES = new Set([
  "class", "delegateExpression", "variableMappingClass", "variableMappingDelegateExpression",
  "formHandlerClass", "resource", "scriptFormat", "language", "decisionRef", "caseRef",
]);
const BUILT_IN_CONSTRAINTS = ["required", "readonly", "minlength", "maxlength", "min", "max"];
const LISTENERS = new Set(["executionListener", "taskListener"]);
export const XSI = "http://www.w3.org/2001/XMLSchema-instance";
/** the elements whose children the modeler draws: flow elements, and root elements of the definitions */
const CONTAINERS = new Set(["definitions", "process", "subProcess", "transaction", "adHocSubProcess"]);

/** the element's unqualified id attribute, or null */
function idOf(node: PolicyNode): string | null {
  return node.attributes.find((a) => a.localName === "id" && a.namespace === "")?.value ?? null;
}

export function checkPolicy(root: PolicyNode, report: Report): void {
  visit(root, null, idOf(root), report);
}

function visit(node: PolicyNode, parent: PolicyNode | null, shownId: string | null, report: Report): void {
  const own = idOf(node);
  const id = own !== null && (parent === null || CONTAINERS.has(parent.localName) || shownId === null) ? own : shownId;
  const name = node.localName;
  if (CODE_ELEMENTS.has(name)) {
    report(`${describe(name)} may not be deployed: it runs code on the server`, node, id);
  }
  if (LISTENERS.has(name) && attribute(node, "expression") === null) {
    report(`a ${name} must be an expression listener (camunda:expression)`, node, id);
  }
  if (name === "constraint") {
    const constraint = attribute(node, "name") ?? "";
    if (!BUILT_IN_CONSTRAINTS.includes(constraint)) {
      report(`the form field constraint '${constraint}' is a custom validator; only ${[...BUILT_IN_CONSTRAINTS].sort().join(", ")} are allowed`, node, id);
    }
  }
  for (const a of node.attributes) {
    if (a.namespace === XSI) continue;
    if (CODE_ATTRIBUTES.has(a.localName)) {
      report(`the attribute ${a.localName}="${excerpt(a.value)}" may not be deployed: it runs code on the server`, node, id);
    } else if (a.localName === "type" && a.namespace !== "" && a.value !== "external") {
      // on a task and on a message event's definition alike, the engine runs "mail" and "shell"
      report(`a ${name} may only be of type external (an external-task worker), not '${excerpt(a.value)}'`, node, id);
    } else {
      expression(a.value, node, id, report);
    }
  }
  expression(node.text, node, id, report);
  for (const child of node.children) visit(child, node, id, report);
}

function expression(text: string, node: PolicyNode, id: string | null, report: Report): void {
  if (!text.includes("${") && !text.includes("#{")) return;
  const refused = checkExpressions(text);
  if (refused !== null) report(refused, node, id);
}

/** the value of the element's first attribute of this local name, in any namespace */
function attribute(node: PolicyNode, localName: string): string | null {
  return node.attributes.find((a) => a.localName === localName)?.value ?? null;
}

function describe(elementName: string): string {
  switch (elementName) {
    case "scriptTask":
      return "a script task";
    case "script":
      return "a script";
    default:
      return `a ${elementName}`;
  }
}

function excerpt(value: string): string {
  return value.length <= 60 ? value : `${value.substring(0, 57)}...`;
}
