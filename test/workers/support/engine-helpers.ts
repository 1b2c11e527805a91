import { unwrap } from "../../../lib/engine/client.js";
import type { TestEngine } from "../../support/engine.js";

export type TypedVariables = Record<string, { value: unknown; type: string; valueInfo?: Record<string, unknown> }>;

export async function createUser(engine: TestEngine, id: string, email: string | null, groups: string[] = []): Promise<void> {
  unwrap(
    await engine.client.POST("/user/create", {
      body: { profile: { id, firstName: "Test", lastName: "Worker", email }, credentials: { password: "Kiwi-lime-42" } },
    }),
  );
  for (const groupId of groups) {
    unwrap(await engine.client.PUT("/group/{id}/members/{userId}", { params: { path: { id: groupId, userId: id } } }));
  }
}

export async function createGroup(engine: TestEngine, id: string): Promise<void> {
  unwrap(await engine.client.POST("/group/create", { body: { id, name: id, type: "WORKFLOW" } }));
}

export async function startProcess(engine: TestEngine, key: string, caseRef: string, variables: TypedVariables): Promise<string> {
  const instance = unwrap(
    await engine.client.POST("/process-definition/key/{key}/start", {
      params: { path: { key } },
      body: { businessKey: caseRef, variables: { caseRef: { value: caseRef, type: "String" }, ...variables } },
    }),
  );
  return instance.id!;
}

export async function isCompleted(engine: TestEngine, processInstanceId: string): Promise<boolean> {
  const [h] = unwrap(await engine.client.GET("/history/process-instance", { params: { query: { processInstanceId } } }));
  return h?.state === "COMPLETED";
}

export async function openIncident(engine: TestEngine, processInstanceId: string) {
  const [incident] = unwrap(await engine.client.GET("/incident", { params: { query: { processInstanceId } } }));
  return incident;
}

export async function processVariable(engine: TestEngine, processInstanceId: string, variableName: string): Promise<unknown> {
  const [v] = unwrap(await engine.client.GET("/history/variable-instance", { params: { query: { processInstanceId, variableName } } }));
  return v?.value;
}
