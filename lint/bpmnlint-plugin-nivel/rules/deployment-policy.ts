/**
 * The bpmnlint rule `nivel/deployment-policy`: docs/deployment-policy.md on the diagram being
 * edited, so a process owner sees on the element what the engine would refuse at deployment, in
 * the engine's words. bpmnlint calls the rule for every element it traverses; the policy walks
 * the whole document once, from its root, as the engine does (bpmnlint's own traversal skips
 * attributes, bodies and unknown elements, which is where the code would be).
 */
import { checkPolicy } from "../lib/deployment-policy";
import { policyView, type ModdleElement } from "../lib/moddle-view";

interface Reporter {
  report(id: string | undefined, message: string): void;
}

function deploymentPolicy() {
  return {
    check(node: ModdleElement, reporter: Reporter): void {
      if (node.$parent) return;
      checkPolicy(policyView(node), (message, _element, elementId) => reporter.report(elementId ?? undefined, message));
    },
  };
}

// CommonJS with the rule factory as the module itself: bpmnlint require()s a rule and calls it
export = deploymentPolicy;
