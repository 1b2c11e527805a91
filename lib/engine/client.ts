import createClient from "openapi-fetch";
import { basicAuthHeader, type EngineConnection } from "../config.js";
import type { paths } from "./openapi.js";

export type EngineClient = ReturnType<typeof createClient<paths>>;

/** A REST client for the Camunda 7 API, typed from the engine's own OpenAPI document. */
export function createEngineClient(connection: EngineConnection): EngineClient {
  return createClient<paths>({
    baseUrl: connection.url,
    headers: { Authorization: basicAuthHeader(connection) },
  });
}

/** The engine's error body: `{ type, message, code? }`. */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: number,
    /** what the engine adds to some errors, e.g. a deployment's parse problems per resource */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or an EngineError carrying the engine's own type and message. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as { type?: string; message?: string; code?: number };
  throw new EngineError(
    result.response.status,
    body.type ?? "HttpError",
    body.message ?? `${result.response.status} ${result.response.statusText}`,
    body.code,
  );
}
