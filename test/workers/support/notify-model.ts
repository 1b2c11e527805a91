import { executableProcess } from "../../support/models.js";

/** start → notify (external task with local `template` and `to`) → end. */
export function notifyProcess(processKey: string, template: string, to: string): string {
  return executableProcess(
    processKey,
    `
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="notify" />
    <bpmn:serviceTask id="notify" name="Notify" camunda:type="external" camunda:topic="notify">
      <bpmn:extensionElements>
        <camunda:inputOutput>
          <camunda:inputParameter name="template">${template}</camunda:inputParameter>
          <camunda:inputParameter name="to">${to}</camunda:inputParameter>
        </camunda:inputOutput>
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="end" />
    <bpmn:endEvent id="end" />`,
  );
}
