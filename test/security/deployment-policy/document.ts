import type { PolicyCase } from "./cases.js";

/**
 * A whole BPMN document around a case: its body as the content of one executable process `key`
 * (with a start event, which the engine requires of an executable process, when the body has
 * none), its roots beside it, and every namespace the cases use (the engine also reads the old
 * activiti and Operaton's own prefixes).
 */
export function policyDocument(key: string, c: PolicyCase): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  xmlns:activiti="http://activiti.org/bpmn"
  xmlns:operaton="http://operaton.org/schema/1.0/bpmn"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="defs_${key}" targetNamespace="https://nivel.fi/test/policy">
  ${c.roots ?? ""}
  <bpmn:process id="${key}" name="${c.name.replace(/[<>&"]/g, "")}" isExecutable="true" camunda:historyTimeToLive="P1D">
    ${c.body.includes("<bpmn:startEvent") ? "" : '<bpmn:startEvent id="policyStart"/>'}
    ${c.body}
  </bpmn:process>
</bpmn:definitions>`;
}
