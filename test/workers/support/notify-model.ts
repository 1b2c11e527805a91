/** start → notify (external task with local `template` and `to`) → end. */
export function notifyProcess(processKey: string, template: string, to: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_${processKey}" targetNamespace="https://nivel.fi/test">
  <bpmn:process id="${processKey}" isExecutable="true" camunda:historyTimeToLive="P1D">
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
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
}
