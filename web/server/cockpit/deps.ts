import type { EngineConnection } from "../../../lib/config.js";
import type { EngineClient } from "../../../lib/engine/client.js";

/** One line of the audit trail as the cockpit shows it. */
export interface AuditRecord {
  at: string;
  actor: string;
  action: string;
  processInstanceId?: string;
  detail?: Record<string, unknown>;
}

/** What the cockpit and modeler need from the audit log of the app store. */
export interface AuditPort {
  /** a read, recorded before its answer is sent */
  record(entry: Omit<AuditRecord, "at">): Promise<void>;
  /** a change: recorded, then made; a failure appends `<action>.failed` (web/server/audit.ts) */
  around<T>(entry: Omit<AuditRecord, "at">, work: () => Promise<T>): Promise<T>;
  /** `businessKey`: the instance's, which the caller has already read from the engine */
  forProcessInstance(processInstanceId: string, businessKey: string | null | undefined): Promise<AuditRecord[]>;
}

export interface EngineDeps {
  connection: EngineConnection;
  client: EngineClient;
}

export interface CockpitDeps {
  engine: EngineDeps;
  audit: AuditPort;
  /** the moment "now" for deadline classification; the clock in production */
  now?: () => Date;
}
