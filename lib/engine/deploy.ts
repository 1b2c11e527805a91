import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { basicAuthHeader, type EngineConnection } from "../config.js";
import { EngineError } from "./client.js";

const DEPLOYABLE = /\.(bpmn|dmn|form)$/;

export interface DeployResult {
  id: string;
  /** the process definitions that got a new version; empty when nothing had changed */
  definitions: { id: string; key: string; version: number }[];
}

export function deployableFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => DEPLOYABLE.test(name))
      .sort()
      .map((name) => join(dir, name)),
  );
}

/**
 * Deploys the files as one deployment with duplicate filtering, as Camunda Run does with its
 * resources folder: only changed resources get a new version. Multipart is built by hand
 * because the OpenAPI document cannot type file parts.
 */
export function deployFiles(connection: EngineConnection, files: string[], name = "nivel"): Promise<DeployResult> {
  return deployResources(
    connection,
    files.map((file) => ({ name: basename(file), content: readFileSync(file, "utf8") })),
    name,
  );
}

export async function deployResources(
  connection: EngineConnection,
  resources: { name: string; content: string | Uint8Array<ArrayBuffer> }[],
  name = "nivel",
  source = "nivel",
): Promise<DeployResult> {
  const form = new FormData();
  form.set("deployment-name", name);
  form.set("deployment-source", source);
  form.set("enable-duplicate-filtering", "true");
  form.set("deploy-changed-only", "true");
  for (const resource of resources) {
    form.set(resource.name, new Blob([resource.content]), resource.name);
  }
  const response = await fetch(`${connection.url}/deployment/create`, {
    method: "POST",
    headers: { Authorization: basicAuthHeader(connection) },
    body: form,
  });
  const text = await response.text();
  const body = (text ? JSON.parse(text) : {}) as {
    id?: string;
    type?: string;
    message?: string;
    details?: unknown;
    deployedProcessDefinitions?: Record<string, unknown> | null;
  };
  if (!response.ok || !body.id) {
    throw new EngineError(response.status, body.type ?? "DeploymentError", body.message ?? "Deployment failed", undefined, body.details);
  }
  const definitions = Object.values(body.deployedProcessDefinitions ?? {}) as { id: string; key: string; version: number }[];
  return { id: body.id, definitions: definitions.map(({ id, key, version }) => ({ id, key, version })) };
}
