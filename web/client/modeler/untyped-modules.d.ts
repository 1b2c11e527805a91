// The bpmnlint configuration compiled from .bpmnlintrc by bundle.ts.
declare module "nivel:bpmnlint-config" {
  const config: { resolver: unknown; config: unknown };
  export default config;
}

// bpmn-js-bpmnlint ships no declarations: it is a bpmn-js module (a didi module definition).
declare module "bpmn-js-bpmnlint" {
  const lintModule: Record<string, unknown>;
  export default lintModule;
}
