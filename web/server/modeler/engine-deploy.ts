import { z } from "zod";
import { basicAuthHeader, type EngineConnection } from "../../../lib/config.js";

/** The engine's parse problems per resource, with the BPMN elements they concern. */
export const ParseDetails = z.record(
  z.string(),
  z.object({
    errors: z.array(z.object({ message: z.string(), elementIds: z.array(z.string()).nullish() }).loose()).default([]),
    warnings: z.array(z.object({ message: z.string(), elementIds: z.array(z.string()).nullish() }).loose()).default([]),
  }),
);
export type ParseDetails = z.infer<typeof ParseDetails>;

const DeploymentAnswer = z
  .object({
    id: z.string(),
    deployedProcessDefinitions: z
      .record(z.string(), z.object({ id: z.string(), key: z.string(), version: z.number() }).loose())
      .nullish(),
  })
  .loose();

export type DeployOutcome =
  | { ok: true; deploymentId: string; definitions: { id: string; key: string; version: number }[] }
  | { ok: false; status: number; type: string; message: string; details?: ParseDetails };

/**
 * Deploys like lib/engine/deploy.ts (same deployment name, duplicate filtering) but keeps the
 * `details` of a refused deployment, which the modeler draws on the offending elements.
 */
export async function deployWithDetails(
  connection: EngineConnection,
  resources: { name: string; content: string }[],
): Promise<DeployOutcome> {
  const form = new FormData();
  form.set("deployment-name", "nivel");
  form.set("deployment-source", "nivel-modeler");
  form.set("enable-duplicate-filtering", "true");
  form.set("deploy-changed-only", "true");
  for (const resource of resources) form.set(resource.name, new Blob([resource.content]), resource.name);
  const response = await fetch(`${connection.url}/deployment/create`, {
    method: "POST",
    headers: { Authorization: basicAuthHeader(connection) },
    body: form,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const details = ParseDetails.safeParse(body.details);
    return {
      ok: false,
      status: response.status,
      type: typeof body.type === "string" ? body.type : "DeploymentError",
      message: typeof body.message === "string" ? body.message : "The engine refused the deployment.",
      ...(details.success ? { details: details.data } : {}),
    };
  }
  const answer = DeploymentAnswer.parse(body);
  return {
    ok: true,
    deploymentId: answer.id,
    definitions: Object.values(answer.deployedProcessDefinitions ?? {}).map((d) => ({ id: d.id, key: d.key, version: d.version })),
  };
}
