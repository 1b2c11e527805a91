import { BpmnModdle } from "bpmn-moddle";
import { createRequire } from "node:module";

const camunda = createRequire(import.meta.url)("camunda-bpmn-moddle/resources/camunda.json") as Record<string, unknown>;

/** The form ids a diagram names in `camunda:formRef`, so its forms can be deployed with it. */
export async function formRefs(xml: string): Promise<string[]> {
  const { elementsById } = await new BpmnModdle({ camunda }).fromXML(xml);
  const refs = new Set<string>();
  for (const element of Object.values(elementsById)) {
    const ref = element.get("camunda:formRef");
    if (typeof ref === "string" && ref !== "") refs.add(ref);
  }
  return [...refs].sort();
}
