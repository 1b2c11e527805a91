/** What an answer of the web app may not show, and the shape of its errors (declares no tests). */
import { expect } from "chai";

/**
 * The engine's own words: its error codes, Java packages and the exception classes its REST API
 * names (Nivel's own types, such as AuthorizationException and AuthenticationException for its 403s and 401s, are not among them).
 */
export const ENGINE_INTERNALS =
  /ENGINE-\d{5}|\b(org\.(operaton|camunda)|java\.)|\b(ProcessEngine|TaskAlreadyClaimed|OptimisticLocking|NullValue|BadUserRequest|Rest|MismatchingMessageCorrelation|Parse|NotValid)Exception\b/;

/** An error answer in our words: JSON `{type, code, message}`, no-store, nothing of the engine's. */
export async function expectOurError(response: Response, what: string): Promise<{ type: string; code: string; message: string } & Record<string, unknown>> {
  expect(response.headers.get("content-type"), `${what}: JSON`).to.match(/^application\/json/);
  expect(response.headers.get("cache-control"), `${what}: no-store`).to.equal("no-store");
  const text = await response.text();
  expect(text, `${what}: the engine's words`).not.to.match(ENGINE_INTERNALS);
  const body = JSON.parse(text) as { type: unknown; code: unknown; message: unknown };
  expect([typeof body.type, typeof body.code, typeof body.message], `${what}: ${text}`).to.deep.equal(["string", "string", "string"]);
  return body as { type: string; code: string; message: string };
}
