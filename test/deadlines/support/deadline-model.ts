/**
 * A small diagram for the deadline topics: compute the deadlines, wait in a user task guarded
 * by one timer per deadline variable (two of them escalating), and recompute when the
 * ReleaseDateChanged message arrives, wherever the case stands. One more timer waits for the
 * morning of the release day, as service continuity does in the release pathway.
 */
export function deadlineProcess(key: string): string {
  const escalate = (id: string, rule: string, stage: string) => `
    <bpmn:serviceTask id="${id}" camunda:type="external" camunda:topic="deadline-escalate">
      <bpmn:extensionElements><camunda:inputOutput>
        <camunda:inputParameter name="deadlineRule">${rule}</camunda:inputParameter>
        <camunda:inputParameter name="deadlineStage">${stage}</camunda:inputParameter>
      </camunda:inputOutput></bpmn:extensionElements>
    </bpmn:serviceTask>`;
  const timer = (id: string, variable: string, then: string) => `
    <bpmn:boundaryEvent id="${id}" attachedToRef="assess" cancelActivity="false">
      <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">\${${variable}}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="${id}-flow" sourceRef="${id}" targetRef="${then}" />`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    id="defs-${key}" targetNamespace="https://nivel.test/deadlines">
  <bpmn:message id="release-date-changed" name="ReleaseDateChanged" />
  <bpmn:process id="${key}" isExecutable="true" camunda:historyTimeToLive="P180D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="compute" />
    <bpmn:serviceTask id="compute" camunda:type="external" camunda:topic="deadline-compute" />
    <bpmn:sequenceFlow id="f2" sourceRef="compute" targetRef="assess" />
    <bpmn:userTask id="assess" />
    <bpmn:sequenceFlow id="f3" sourceRef="assess" targetRef="end" />
    <bpmn:endEvent id="end" />
    ${timer("start-warning", "assessmentStartWarning", "escalate-start-warning")}
    ${escalate("escalate-start-warning", "assessment-start", "warning")}
    <bpmn:sequenceFlow id="f4" sourceRef="escalate-start-warning" targetRef="end-start-warning" />
    <bpmn:endEvent id="end-start-warning" />
    ${timer("start-due", "assessmentStartDue", "escalate-start-passed")}
    ${escalate("escalate-start-passed", "assessment-start", "passed")}
    <bpmn:sequenceFlow id="f5" sourceRef="escalate-start-passed" targetRef="end-start-passed" />
    <bpmn:endEvent id="end-start-passed" />
    ${timer("completion-warning", "assessmentCompletionWarning", "end-completion-warning")}
    <bpmn:endEvent id="end-completion-warning" />
    ${timer("completion-due", "assessmentCompletionDue", "end-completion-due")}
    <bpmn:endEvent id="end-completion-due" />
    ${timer("release-day", "releaseMorning", "end-release-day")}
    <bpmn:endEvent id="end-release-day" />
    <bpmn:subProcess id="on-release-date-changed" triggeredByEvent="true">
      <bpmn:startEvent id="release-date-changed-start" isInterrupting="false">
        <bpmn:messageEventDefinition messageRef="release-date-changed" />
      </bpmn:startEvent>
      <bpmn:sequenceFlow id="s1" sourceRef="release-date-changed-start" targetRef="recompute" />
      <bpmn:serviceTask id="recompute" camunda:type="external" camunda:topic="deadline-compute" />
      <bpmn:sequenceFlow id="s2" sourceRef="recompute" targetRef="recomputed" />
      <bpmn:endEvent id="recomputed" />
    </bpmn:subProcess>
  </bpmn:process>
</bpmn:definitions>`;
}
