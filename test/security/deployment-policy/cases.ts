/**
 * The constructs of docs/deployment-policy.md, each as a small deployable diagram: what the
 * engine must refuse (naming the element) and what it must accept. One list for both places the
 * rule is enforced: the engine's parse (deployment-policy.test.ts) and the modeler's lint rule
 * (deployment-policy-lint.test.ts), so the two cannot drift apart.
 */

export interface PolicyCase {
  name: string;
  /** the process's content: flow elements, with anything else they need */
  body: string;
  /** more root elements beside the process (messages, signals, errors) */
  roots?: string;
  /** refused: the id of the element the refusal names; accepted: null */
  refusedAt: string | null;
}

const RCE = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch /tmp/nivel-pwned')}";

const external = (id: string, inner = "") =>
  `<bpmn:serviceTask id="${id}" camunda:type="external" camunda:topic="notify">${inner}</bpmn:serviceTask>`;
const io = (inner: string) => `<bpmn:extensionElements><camunda:inputOutput>${inner}</camunda:inputOutput></bpmn:extensionElements>`;
const userTask = (id: string, attrs: string, inner = "") => `<bpmn:userTask id="${id}" ${attrs}>${inner}</bpmn:userTask>`;
const flowWith = (condition: string) =>
  `<bpmn:startEvent id="start"/><bpmn:exclusiveGateway id="split" default="otherwise"/><bpmn:endEvent id="end"/>
   <bpmn:sequenceFlow id="toSplit" sourceRef="start" targetRef="split"/>
   <bpmn:sequenceFlow id="guarded" sourceRef="split" targetRef="end">${condition}</bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="otherwise" sourceRef="split" targetRef="end"/>`;
const condition = (expression: string, attrs = "") =>
  `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${attrs}>${expression}</bpmn:conditionExpression>`;
const timer = (kind: "timeDate" | "timeDuration" | "timeCycle", expression: string) =>
  `<bpmn:startEvent id="start"/><bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition id="waitTimer"><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${expression}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
   <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait"/>`;
const multiInstance = (attrs: string, inner = "") =>
  external("each", `<bpmn:multiInstanceLoopCharacteristics ${attrs}>${inner}</bpmn:multiInstanceLoopCharacteristics>`);

export const REFUSED: PolicyCase[] = [
  { name: "a script task (inline Groovy)", body: `<bpmn:scriptTask id="script" scriptFormat="groovy"><bpmn:script>println 'x'</bpmn:script></bpmn:scriptTask>`, refusedAt: "script" },
  { name: "a script task with an external resource", body: `<bpmn:scriptTask id="script" scriptFormat="javascript" camunda:resource="deployment://x.js"/>`, refusedAt: "script" },
  { name: "an execution listener class", body: external("task", `<bpmn:extensionElements><camunda:executionListener class="org.example.Listener" event="start"/></bpmn:extensionElements>`), refusedAt: "task" },
  { name: "an execution listener delegate expression", body: external("task", `<bpmn:extensionElements><camunda:executionListener delegateExpression="\${listener}" event="start"/></bpmn:extensionElements>`), refusedAt: "task" },
  { name: "an execution listener script", body: external("task", `<bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener></bpmn:extensionElements>`), refusedAt: "task" },
  { name: "a task listener class", body: userTask("review", 'camunda:candidateGroups="team-lead"', `<bpmn:extensionElements><camunda:taskListener class="org.example.Listener" event="create"/></bpmn:extensionElements>`), refusedAt: "review" },
  { name: "a task listener script", body: userTask("review", 'camunda:candidateGroups="team-lead"', `<bpmn:extensionElements><camunda:taskListener event="create"><camunda:script scriptFormat="groovy">task.delete()</camunda:script></camunda:taskListener></bpmn:extensionElements>`), refusedAt: "review" },
  { name: "a service task class", body: `<bpmn:serviceTask id="task" camunda:class="org.example.Delegate"/>`, refusedAt: "task" },
  { name: "a service task delegate expression", body: `<bpmn:serviceTask id="task" camunda:delegateExpression="\${myDelegate}"/>`, refusedAt: "task" },
  { name: "a service task expression that runs a command (getClass/forName/exec)", body: `<bpmn:serviceTask id="task" camunda:expression="${RCE}"/>`, refusedAt: "task" },
  { name: "a service task expression calling an engine service bean", body: `<bpmn:serviceTask id="task" camunda:expression="\${runtimeService.deleteProcessInstance(execution.processInstanceId, 'x')}"/>`, refusedAt: "task" },
  { name: "an expression reading the engine configuration", body: external("task", io(`<camunda:inputParameter name="secret">\${processEngineConfiguration.jdbcPassword}</camunda:inputParameter>`)), refusedAt: "task" },
  { name: "a script condition (language attribute)", body: flowWith(condition("true", ' language="groovy"')), refusedAt: "guarded" },
  { name: "a condition that writes a variable", body: flowWith(condition("${execution.setVariable('approved', true)}")), refusedAt: "guarded" },
  { name: "a condition reaching the engine's services through execution", body: flowWith(condition("${execution.processEngineServices.runtimeService != null}")), refusedAt: "guarded" },
  { name: "a timer date calling getClass on a literal", body: timer("timeDate", "${''.getClass().name}"), refusedAt: "wait" },
  { name: "a timer duration calling a function", body: timer("timeDuration", "${now()}"), refusedAt: "wait" },
  { name: "a timer cycle with a namespaced function", body: timer("timeCycle", "${fn:cycle(releaseDate)}"), refusedAt: "wait" },
  { name: "an input parameter script", body: external("task", io(`<camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script></camunda:inputParameter>`)), refusedAt: "task" },
  { name: "an input parameter using the task object", body: userTask("review", 'camunda:candidateGroups="team-lead"', io(`<camunda:inputParameter name="x">\${task.id}</camunda:inputParameter>`)), refusedAt: "review" },
  { name: "an output parameter calling an execution method", body: external("task", io(`<camunda:outputParameter name="engine">\${execution.getProcessEngine()}</camunda:outputParameter>`)), refusedAt: "task" },
  { name: "a list entry in an input parameter calling a method", body: external("task", io(`<camunda:inputParameter name="x"><camunda:list><camunda:value>\${x.toString()}</camunda:value></camunda:list></camunda:inputParameter>`)), refusedAt: "task" },
  { name: "a multi-instance collection calling getClass", body: multiInstance('camunda:collection="${services.getClass()}" camunda:elementVariable="service"'), refusedAt: "each" },
  { name: "a loop cardinality with a function", body: multiInstance("", `<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">\${fn:length(services)}</bpmn:loopCardinality>`), refusedAt: "each" },
  { name: "a completion condition with brackets", body: multiInstance('camunda:collection="${services.elements()}" camunda:elementVariable="service"', `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">\${service['class'] != null}</bpmn:completionCondition>`), refusedAt: "each" },
  { name: "a due date reading a variable named by a variable", body: userTask("review", 'camunda:candidateGroups="team-lead" camunda:dueDate="${execution.getVariable(dueVariable)}"'), refusedAt: "review" },
  { name: "candidate groups reaching a class loader", body: userTask("review", 'camunda:candidateGroups="${team.class.classLoader}"'), refusedAt: "review" },
  { name: "an assignee calling getClass", body: userTask("review", 'camunda:assignee="${authenticatedUserId.getClass()}"'), refusedAt: "review" },
  { name: "a form handler class", body: userTask("review", 'camunda:candidateGroups="team-lead" camunda:formHandlerClass="org.example.FormHandler"'), refusedAt: "review" },
  { name: "a custom form field validator", body: userTask("review", 'camunda:candidateGroups="team-lead"', `<bpmn:extensionElements><camunda:formData><camunda:formField id="x" type="string"><camunda:validation><camunda:constraint name="validator" config="org.example.Validator"/></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements>`), refusedAt: "review" },
  { name: "a call activity variable mapping class", body: `<bpmn:callActivity id="call" calledElement="joint-assessment" camunda:variableMappingClass="org.example.Mapping"/>`, refusedAt: "call" },
  { name: "a call activity variable mapping delegate expression", body: `<bpmn:callActivity id="call" calledElement="joint-assessment" camunda:variableMappingDelegateExpression="\${mapping}"/>`, refusedAt: "call" },
  { name: "a property read after the business key", body: `<bpmn:callActivity id="call" calledElement="joint-assessment"><bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey.bytes}"/></bpmn:extensionElements></bpmn:callActivity>`, refusedAt: "call" },
  { name: "a call activity input calling an execution method", body: `<bpmn:callActivity id="call" calledElement="joint-assessment"><bpmn:extensionElements><camunda:in sourceExpression="\${execution.getProcessEngineServices()}" target="services"/></bpmn:extensionElements></bpmn:callActivity>`, refusedAt: "call" },
  { name: "a call activity to a CMMN case", body: `<bpmn:callActivity id="call" camunda:caseRef="case"/>`, refusedAt: "call" },
  { name: "a business rule task evaluating a DMN decision", body: `<bpmn:businessRuleTask id="rule" camunda:decisionRef="eligibility"/>`, refusedAt: "rule" },
  { name: "a connector", body: `<bpmn:serviceTask id="task"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>`, refusedAt: "task" },
  { name: "a message end event of type shell", body: `<bpmn:endEvent id="end"><bpmn:messageEventDefinition id="endMessage" camunda:type="shell"><bpmn:extensionElements><camunda:field name="command"><camunda:string>touch</camunda:string></camunda:field><camunda:field name="arg1"><camunda:string>/tmp/nivel-pwned</camunda:string></camunda:field></bpmn:extensionElements></bpmn:messageEventDefinition></bpmn:endEvent>`, refusedAt: "end" },
  { name: "an escaped expression that hides the next one from the grammar", body: flowWith(condition(`\\\${'}#{"".getClass().forName("java.lang.Runtime").getMethod("getRuntime").invoke(null).exec("touch /tmp/nivel-pwned")}'}`)), refusedAt: "guarded" },
  { name: "a send task of a type other than external", body: `<bpmn:sendTask id="send" camunda:type="mail"/>`, refusedAt: "send" },
  { name: "a message end event class", body: `<bpmn:endEvent id="end"><bpmn:messageEventDefinition id="endMessage" camunda:class="org.example.Sender"/></bpmn:endEvent>`, refusedAt: "end" },
  { name: "an error event definition expression calling a method", body: external("task", `<bpmn:extensionElements><camunda:errorEventDefinition id="err" errorRef="anError" expression="\${externalTask.getErrorDetails() != null}"/></bpmn:extensionElements>`), roots: `<bpmn:error id="anError" name="anError" errorCode="E1"/>`, refusedAt: "task" },
  { name: "a deferred #{} expression calling getClass", body: external("task", io(`<camunda:inputParameter name="x">#{''.getClass()}</camunda:inputParameter>`)), refusedAt: "task" },
  { name: "an assignment expression", body: external("task", io(`<camunda:inputParameter name="x">\${approved = true}</camunda:inputParameter>`)), refusedAt: "task" },
  { name: "two statements with a semicolon", body: external("task", io(`<camunda:inputParameter name="x">\${a; b}</camunda:inputParameter>`)), refusedAt: "task" },
  { name: "a lambda", body: external("task", io(`<camunda:inputParameter name="x">\${(v -&gt; v)(1)}</camunda:inputParameter>`)), refusedAt: "task" },
  { name: "an expression without its closing brace", body: external("task", io(`<camunda:inputParameter name="x">\${releaseDate</camunda:inputParameter>`)), refusedAt: "task" },
  { name: "a class in the old activiti namespace", body: `<bpmn:serviceTask id="task" activiti:class="org.example.Delegate"/>`, refusedAt: "task" },
  { name: "a class in the operaton namespace", body: `<bpmn:serviceTask id="task" operaton:class="org.example.Delegate"/>`, refusedAt: "task" },
  { name: "a signal name calling a method", body: `<bpmn:startEvent id="start"/><bpmn:intermediateThrowEvent id="throw"><bpmn:signalEventDefinition id="throwSignal" signalRef="aSignal"/></bpmn:intermediateThrowEvent><bpmn:sequenceFlow id="toThrow" sourceRef="start" targetRef="throw"/>`, roots: `<bpmn:signal id="aSignal" name="\${caseRef.concat('x')}"/>`, refusedAt: "aSignal" },
  { name: "a conditional event calling a method", body: `<bpmn:startEvent id="start"/><bpmn:intermediateCatchEvent id="until"><bpmn:conditionalEventDefinition id="untilCondition"><bpmn:condition xsi:type="bpmn:tFormalExpression">\${execution.removeVariables() == null}</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="toUntil" sourceRef="start" targetRef="until"/>`, refusedAt: "until" },
  { name: "a topic computed with a static class reference", body: `<bpmn:serviceTask id="task" camunda:type="external" camunda:topic="\${T(java.lang.System).getenv('HOME')}"/>`, refusedAt: "task" },
  // the forms bpmn-moddle reads without a property of its own: elements of a namespace it has
  // no package for, simple properties written as elements, bodies of camunda's own elements
  { name: "an execution listener class in the old activiti namespace", body: external("task", `<bpmn:extensionElements><activiti:executionListener class="org.example.Listener" event="start"/></bpmn:extensionElements>`), refusedAt: "task" },
  { name: "an input parameter script in the operaton namespace", body: external("task", `<bpmn:extensionElements><operaton:inputOutput><operaton:inputParameter name="x"><operaton:script scriptFormat="javascript">1</operaton:script></operaton:inputParameter></operaton:inputOutput></bpmn:extensionElements>`), refusedAt: "task" },
  { name: "a field injection expression calling a method", body: external("task", `<bpmn:extensionElements><camunda:executionListener expression="\${consentGiven}" event="start"><camunda:field name="f"><camunda:expression>\${x.getClass()}</camunda:expression></camunda:field></camunda:executionListener></bpmn:extensionElements>`), refusedAt: "task" },
  { name: "a retry time cycle calling a function", body: external("task", `<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>\${now()}</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>`), refusedAt: "task" },
  { name: "a map entry in an input parameter calling a method", body: external("task", io(`<camunda:inputParameter name="x"><camunda:map><camunda:entry key="k">\${x.getClass()}</camunda:entry></camunda:map></camunda:inputParameter>`)), refusedAt: "task" },
  { name: "a form field default value calling a method", body: userTask("review", 'camunda:candidateGroups="team-lead"', `<bpmn:extensionElements><camunda:formData><camunda:formField id="x" type="string" defaultValue="\${x.getClass()}"/></camunda:formData></bpmn:extensionElements>`), refusedAt: "review" },
  // a subprocess draws its own elements: the refusal names the task inside it
  { name: "a service task class inside a subprocess", body: `<bpmn:subProcess id="sub"><bpmn:startEvent id="subStart"/><bpmn:serviceTask id="inner" camunda:class="org.example.Delegate"/><bpmn:sequenceFlow id="toInner" sourceRef="subStart" targetRef="inner"/></bpmn:subProcess>`, refusedAt: "inner" },
];

export const ACCEPTED: PolicyCase[] = [
  { name: "an external task with input mappings", body: external("task", io(`<camunda:inputParameter name="template">outcome</camunda:inputParameter><camunda:inputParameter name="due">\${releaseDate}</camunda:inputParameter>`)), refusedAt: null },
  { name: "conditions with comparisons and logic", body: flowWith(condition("${consentGiven == true &amp;&amp; needsMultiAgencyWork == true}")), refusedAt: null },
  { name: "reading a variable through execution", body: flowWith(condition("${execution.getVariable('contactDate') == null}")), refusedAt: null },
  { name: "a multi-instance over a JSON list", body: multiInstance('camunda:collection="${services.elements()}" camunda:elementVariable="service"', ""), refusedAt: null },
  { name: "a JSON node read", body: external("task", io(`<camunda:inputParameter name="kind">\${service.prop('kind').stringValue()}</camunda:inputParameter>`)), refusedAt: null },
  { name: "an expression listener", body: external("task", `<bpmn:extensionElements><camunda:executionListener expression="\${consentGiven}" event="start"/></bpmn:extensionElements>`), refusedAt: null },
  { name: "text around an expression, ternary, empty, not and arithmetic", body: external("task", io(`<camunda:inputParameter name="x">Tapaamisia \${meetings + 1} (\${empty services ? 'ei palveluja' : 'palveluja'}, \${not a and b})</camunda:inputParameter>`)), refusedAt: null },
  { name: "a closing brace inside a string literal", body: flowWith(condition("${name == '}'}")), refusedAt: null },
  { name: "a property of a variable", body: userTask("review", 'camunda:candidateGroups="team-lead" camunda:dueDate="${plan.reviewDate}"'), refusedAt: null },
  { name: "a timer on a variable", body: timer("timeDate", "${releaseDate}"), refusedAt: null },
  { name: "a call activity passing the business key on", body: `<bpmn:callActivity id="call" calledElement="joint-assessment"><bpmn:extensionElements><camunda:in businessKey="#{execution.processBusinessKey}"/><camunda:in source="caseRef" target="caseRef"/></bpmn:extensionElements></bpmn:callActivity>`, refusedAt: null },
  { name: "comparison and arithmetic words, numbers and nesting", body: external("task", io(`<camunda:inputParameter name="x">\${(meetings ge 2 and not (days lt 1.5e1)) ? -1 : meetings div 2 mod 3}</camunda:inputParameter>`)), refusedAt: null },
  { name: "the other reads through execution", body: external("task", io(`<camunda:inputParameter name="x">\${execution.hasVariable('x') || execution.getVariableLocal("y") != null}</camunda:inputParameter><camunda:inputParameter name="id">\${execution.processInstanceId}</camunda:inputParameter>`)), refusedAt: null },
  { name: "a form field with built-in constraints", body: userTask("review", 'camunda:candidateGroups="team-lead"', `<bpmn:extensionElements><camunda:formData><camunda:formField id="notes" type="string"><camunda:validation><camunda:constraint name="required"/><camunda:constraint name="maxlength" config="200"/></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements>`), refusedAt: null },
];
