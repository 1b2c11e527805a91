/** start → one external task per topic, in order → end. */
export function externalTasksInOrder(processKey: string, topics: string[]): string {
  const tasks = topics.map((topic, i) => `<bpmn:serviceTask id="t${i}" camunda:type="external" camunda:topic="${topic}" />`);
  const nodes = ["start", ...topics.map((_, i) => `t${i}`), "end"];
  const flows = nodes.slice(1).map((to, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${nodes[i]}" targetRef="${to}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_${processKey}" targetNamespace="https://nivel.fi/test">
  <bpmn:process id="${processKey}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
    ${tasks.join("\n    ")}
    <bpmn:endEvent id="end" />
    ${flows.join("\n    ")}
  </bpmn:process>
</bpmn:definitions>`;
}
