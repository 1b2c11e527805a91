/** Small BPMN models for tests that exercise the engine itself, not Nivel's pathways. */

/** The definitions envelope around one executable process whose elements are `body`. */
export function executableProcess(processKey: string, body: string, definitions = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_${processKey}" targetNamespace="https://nivel.fi/test">${definitions}
  <bpmn:process id="${processKey}" isExecutable="true" camunda:historyTimeToLive="P1D">${body}
  </bpmn:process>
</bpmn:definitions>`;
}

export function userThenExternalTask(processKey: string, topic: string): string {
  return executableProcess(
    processKey,
    `
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review" camunda:candidateGroups="county-intake" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="work" />
    <bpmn:serviceTask id="work" name="Work" camunda:type="external" camunda:topic="${topic}" />
    <bpmn:boundaryEvent id="onRejected" attachedToRef="work">
      <bpmn:errorEventDefinition errorRef="rejected" camunda:errorCodeVariable="rejectionCode" camunda:errorMessageVariable="rejectionMessage" />
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="done" />
    <bpmn:endEvent id="done" />
    <bpmn:sequenceFlow id="f4" sourceRef="onRejected" targetRef="rejectedEnd" />
    <bpmn:endEvent id="rejectedEnd" />`,
    `\n  <bpmn:error id="rejected" name="Rejected" errorCode="WORK_REJECTED" />`,
  );
}

/** A process that waits in a user task: the cheapest durable state to create in bulk. */
export function singleUserTask(processKey: string): string {
  return executableProcess(
    processKey,
    `
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    <bpmn:userTask id="task" name="Task" camunda:candidateGroups="county-social-worker" />
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
    <bpmn:endEvent id="end" />`,
  );
}

/** start → external task → end: what the throughput benchmark drives. */
export function singleExternalTask(processKey: string, topic: string): string {
  return executableProcess(
    processKey,
    `
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:serviceTask id="work" name="Work" camunda:type="external" camunda:topic="${topic}" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" />`,
  );
}
