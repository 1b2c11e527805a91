/**
 * Documents at the edges of docs/deployment-policy.md, beyond the shared cases: no verdict is
 * written down for them here, because deployment-policy-lint.test.ts holds the lint rule to
 * whatever the engine's own policy code answers, element and words included.
 */

export interface EdgeCase {
  name: string;
  /** the process's content, as in cases.ts */
  body?: string;
  /** more root elements beside the process */
  roots?: string;
  /** a whole document instead of body and roots */
  xml?: string;
}

const escapeText = (s: string) => s.replace(/&(?!#)/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const external = (id: string, inner = "") => `<bpmn:serviceTask id="${id}" camunda:type="external" camunda:topic="notify">${inner}</bpmn:serviceTask>`;
const inText = (expression: string) =>
  external("task", `<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">${escapeText(expression)}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>`);
const inAttribute = (attribute: string, expression: string) =>
  `<bpmn:userTask id="review" ${attribute}="${escapeText(expression).replace(/"/g, "&quot;")}"/>`;

/** Expressions the grammar's edges are made of, each as the text of an input parameter (&#x…; is a character reference). */
const EXPRESSIONS = [
  "${a.b.c}", "${a.getClass}", "${a.fooClass}", "${a.myClassLoader}", "${a.classLoader}", "${a.module}", "${a.declaringClass}",
  "${a.protectionDomain}", "${a.execution}", "${a.and}", "${a.empty}", "${a.true}", "${a.Class}", "${a.class_}",
  "${x.size()}", "${x.size(1)}", "${x.prop(1)}", "${x.prop('a', 'b')}", '${x.hasProp("a")}', "${x.prop('a').prop('b').isNull()}", "${x.prop}",
  "${execution}", "${execution.getVariable}", "${execution.getVariable('a').prop('b')}", "${execution.processInstanceId.x}",
  "${execution.processBusinessKey()}", "${execution . getVariable ( 'a' ) }", "${execution.'a'}", "${execution.}", "${execution.getVariable()}",
  "${}", "${ }", "#{}", "${a}${b}", "${a} #{b.getClass()}", "$ {a.getClass()}", "$", "${", "#{", "}", "${'}'}", '${"a\\"b"}', "${'a\\\\'}",
  "${'unclosed}", "${'unclosed", '${"it\'s"}', "${a ? b : c ? d : e}", "${a ? b}", "${(a}", "${a)}", "${-a}", "${!!a}", "${not not a}",
  "${empty}", "${empty a.b}", "${a instanceof b}", "${1.5e3 + 2E-2}", "${1.}", "${.5}", "${1e}", "${1e+}", "${1e+5x}", "${0x10}", "${007}",
  "${&#x661;&#x662; + &#xFF13;}", "${a&#xA0;== b}", "${a&#x2003;== b}", "${a&#xFEFF;}", "${a&#x2007;}", "${a&#x1680;b}", "${a&#x85;b}",
  "${a\t==\nb}", "${a & b}", "${a | b}", "${a += 1}", "${a[0]}", "${a.0}", "${a.'b'}", "${true.x}", "${null.x}", "${1.x}", "${'s'.x}",
  "${a,b}", "${f(a)}", "${a.b(c)}", "${a.elements().size()}", "${task}", "${externalTask.x}", "${variableScope}", "${processEngine}",
  "${caseExecution}", "${processEngineServices}", "${instanceof}", "${authenticatedUserId}", "${_x1}", "${1a}", "${é}", "${a.é}",
  "${a ==}", "${== a}", "${a ? : b}", "${'a' + 'b'}", "${a div b mod c % d}", "${a lt b gt c le d ge e}", "${a eq b ne c}",
  "${a}}", "}${a}", "${{a}}", "#{a}${b.getClass()}", "${'${'}", '${"#{"}', "${'\\'}'}", "${'&#x1F600;'}", "${a;}",
  `\${${"longVariableName == 'x' && ".repeat(4)}done}`, `\${${"longVariableName == 'x' && ".repeat(4)}done.getClass()}`,
  `\${${"longVariableName == 'x' && ".repeat(4)}done`, `text before ${"x".repeat(90)} \${a.getClass()}`,
  // JUEL reads \${ as text and evaluates the #{…} after it, where the grammar would read one string
  // literal (a command ran, found by the lint rule's port): both sides refuse an escaped expression
  "\\${'}#{\"\".getClass().getName()}'}", "\\${a.getClass()}", "\\\\${a}", "\\#{a}", "a \\ ${b}",
];

export const EDGE_CASES: EdgeCase[] = [
  ...EXPRESSIONS.map((e) => ({ name: `the text ${e}`, body: inText(e) })),
  { name: "an assignee calling a method", body: inAttribute("camunda:assignee", "${a.getClass()}") },
  { name: "candidate users with two expressions", body: inAttribute("camunda:candidateUsers", "#{x}, ${y.z}") },
  { name: "a character reference for $", body: inAttribute("camunda:dueDate", "&#x24;{a.getClass()}") },
  { name: "an attribute with a long value", body: inAttribute("camunda:class", "org.example.".repeat(10)) },
  { name: "documentation with an expression", body: external("task", "<bpmn:documentation>see ${x.getClass()}</bpmn:documentation>") },
  { name: "a text annotation", body: `<bpmn:textAnnotation id="note"><bpmn:text>\${x.getClass()}</bpmn:text></bpmn:textAnnotation>` },
  { name: "a diagram name", roots: `<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="diagram" name="\${a.getClass()}"><bpmndi:BPMNPlane id="plane" bpmnElement="k"/></bpmndi:BPMNDiagram>` },
  { name: "a participant's name", roots: `<bpmn:collaboration id="collaboration"><bpmn:participant id="pool" name="\${x.getClass()}" processRef="k"/></bpmn:collaboration>` },
  { name: "a lane's name", body: `<bpmn:laneSet id="lanes"><bpmn:lane id="lane" name="\${x.getClass()}"/></bpmn:laneSet>` },
  { name: "a message's name", roots: `<bpmn:message id="aMessage" name="\${x.getClass()}"/>` },
  { name: "an event subprocess with a script task", body: `<bpmn:subProcess id="events" triggeredByEvent="true"><bpmn:scriptTask id="inner" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask></bpmn:subProcess>` },
  { name: "a transaction with a class", body: `<bpmn:transaction id="tx"><bpmn:serviceTask id="inner" camunda:class="a.B"/></bpmn:transaction>` },
  { name: "an ad-hoc subprocess with a class", body: `<bpmn:adHocSubProcess id="adhoc"><bpmn:serviceTask id="inner" camunda:class="a.B"/></bpmn:adHocSubProcess>` },
  { name: "a subprocess in a subprocess", body: `<bpmn:subProcess id="outer"><bpmn:subProcess id="middle"><bpmn:serviceTask id="inner" camunda:delegateExpression="\${d}"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">\${x.y()}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask></bpmn:subProcess></bpmn:subProcess>` },
  { name: "a boundary timer calling a function", body: `${external("task")}<bpmn:boundaryEvent id="late" attachedToRef="task"><bpmn:timerEventDefinition id="lateTimer"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">\${now()}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>` },
  { name: "a script in an element of an unknown namespace", body: external("task", `<bpmn:extensionElements><foo:bar xmlns:foo="urn:foo"><foo:script>1</foo:script></foo:bar></bpmn:extensionElements>`) },
  { name: "an expression in an attribute of an unknown element", body: external("task", `<bpmn:extensionElements><foo:bar xmlns:foo="urn:foo" foo:value="\${a.getClass()}" plain="\${b}">\${c.d()}</foo:bar></bpmn:extensionElements>`) },
  { name: "a camunda property", body: external("task", `<bpmn:extensionElements><camunda:properties><camunda:property name="class" value="x"/><camunda:property name="y" value="\${x.getClass()}"/></camunda:properties></bpmn:extensionElements>`) },
  { name: "an unknown attribute in the camunda namespace", body: `<bpmn:serviceTask id="task" camunda:type="external" camunda:topic="t" camunda:unknown="\${x.getClass()}" camunda:resource="r"/>` },
  { name: "an expression listener with an empty expression", body: external("task", `<bpmn:extensionElements><camunda:executionListener expression="" event="start"/></bpmn:extensionElements>`) },
  { name: "an expression listener with a class too", body: external("task", `<bpmn:extensionElements><camunda:taskListener expression="\${a}" class="b" event="create"/></bpmn:extensionElements>`) },
  { name: "constraints without a name, readonly and min", body: `<bpmn:userTask id="review"><bpmn:extensionElements><camunda:formData><camunda:formField id="f" type="long"><camunda:validation><camunda:constraint config="x"/><camunda:constraint name="readonly"/><camunda:constraint name="min" config="1"/></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>` },
  { name: "a second type in the activiti namespace", body: `<bpmn:serviceTask id="task" camunda:type="external" activiti:type="mail" camunda:topic="t"/>` },
  { name: "a type spelled External", body: `<bpmn:serviceTask id="task" camunda:type="External" camunda:topic="t"/>` },
  { name: "an external business rule task", body: `<bpmn:businessRuleTask id="rule" camunda:type="external" camunda:topic="t"/>` },
  // the engine's parse runs a message event definition's camunda:type as it runs a service task's
  // (BpmnParse.parseServiceTaskLike, where "shell" starts a process): a gap the lint rule's port
  // found (a command ran); both sides now refuse an engine-namespace type other than external anywhere
  { name: "a message end event of type shell", body: `<bpmn:endEvent id="end"><bpmn:messageEventDefinition id="endMessage" camunda:type="shell"><bpmn:extensionElements><camunda:field name="command"><camunda:string>true</camunda:string></camunda:field></bpmn:extensionElements></bpmn:messageEventDefinition></bpmn:endEvent>` },
  { name: "a namespace declared with a refused name", xml: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:class="urn:class" xmlns:x="urn:\${x.getClass()}" id="defs" targetNamespace="t" exporter="\${a.b()}">
  <bpmn:process id="k" isExecutable="true"><bpmn:serviceTask id="task" camunda:type="external" camunda:topic="t" class:thing="1" x:y="2"/></bpmn:process>
</bpmn:definitions>` },
];

/**
 * Documents bpmn-moddle cannot hold as written, so the lint rule judges them as the modeler will
 * write and deploy them: an unqualified `type` becomes camunda:type (which the engine runs), and
 * text or elements no property holds are dropped (which the engine then never sees).
 */
export const NORMALIZED_CASES: EdgeCase[] = [
  { name: "an unqualified type", body: `<bpmn:sendTask id="send" type="mail"/>` },
  { name: "text where no text belongs", body: external("task", `<bpmn:extensionElements><camunda:inputOutput>\${x.getClass()}<camunda:inputParameter name="a">b</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>`) },
  { name: "a camunda element that does not exist", body: external("task", `<bpmn:extensionElements><camunda:unknownThing expression="\${u.getClass()}"/></bpmn:extensionElements>`) },
];
