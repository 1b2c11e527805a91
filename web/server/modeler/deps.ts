import type { AuditPort, EngineDeps } from "../cockpit/deps.js";

export interface ModelerDeps {
  engine: EngineDeps;
  audit: AuditPort;
  /** where the Camunda Forms live; the repository's forms/ by default */
  formsDir?: string;
}
