import { expect } from "chai";
import type { z } from "zod";
import { unwrap } from "../../lib/engine/client.js";
import { listRoutes, type RouteInfo } from "../../web/server/route-list.js";
import { ROUTE_POLICY, routeKey } from "../../web/server/route-policy.js";
import { useEngine } from "../support/engine.js";
import { allowedRole } from "./support/policy.js";
import { ROUTE_REQUESTS, send, type PreparedRequest } from "./support/route-requests.js";
import { buildWorld, ROLES, SIGNED_OUT, type World } from "./support/world.js";

/** Every character the app refuses in text: C0 controls but tab, line feed and carriage return, and DEL. */
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => i).filter((c) => ![0x09, 0x0a, 0x0d].includes(c)), 0x7f].map((c) => String.fromCharCode(c));

type Path = (string | number)[];

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/**
 * The text fields of a body, from its zod schema: every string, enum or literal the schema has
 * where the valid `sample` holds a value (the fields of a record, such as a form's data, and the
 * option of a union come from the sample).
 */
export function textFields(schema: z.ZodType, sample: unknown, path: Path = []): Path[] {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
    case "enum":
    case "literal":
    case "unknown":
      return typeof sample === "string" ? [path] : [];
    case "object":
      return Object.entries(def.shape!).flatMap(([key, field]) =>
        sample !== null && typeof sample === "object" && key in sample ? textFields(field, (sample as Record<string, unknown>)[key], [...path, key]) : [],
      );
    case "record":
      return Object.entries(sample as Record<string, unknown>).flatMap(([key, value]) => textFields(def.valueType!, value, [...path, key]));
    case "array":
      return (sample as unknown[]).flatMap((item, i) => textFields(def.element!, item, [...path, i]));
    case "union": {
      const option = def.options!.find((o) => o.safeParse(sample).success);
      return option ? textFields(option, sample, path) : [];
    }
    case "default":
    case "optional":
    case "nullable":
    case "readonly":
      return textFields(def.innerType!, sample, path);
    case "pipe":
      return textFields(def.in!, sample, path);
    default:
      return [];
  }
}

function withValue(body: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** Inserts the character in the middle of the text, so it is neither trimmed nor alone. */
const spliced = (text: string, c: string) => `${text.slice(0, 1)}${c}${text.slice(1)}`;

/**
 * Control characters in any text of any JSON body, in any key, in a query string or in the address
 * are refused with 400 by the app's one request reader, before anything changes: each endpoint is
 * enumerated from the routers, each body's text fields from the route's own zod schema, and each
 * refusal is shown to have changed nothing (the route's effect, the audit log), while the same
 * request without the character is accepted.
 */
describe("control characters: refused with 400 in every text field of every endpoint, changing nothing", function () {
  this.timeout(600_000);
  let world: World;

  before(async () => {
    world = await buildWorld(await useEngine());
    // signed in before any snapshot: a sign-in writes an audit row of its own
    for (const role of ROLES) if (role !== SIGNED_OUT) await world.session(role);
  });
  after(async () => {
    await world?.close();
  });

  async function auditState() {
    const report = await world.app.store.audit.verify();
    expect(report.ok, JSON.stringify(report)).to.equal(true);
    return report.ok ? { rows: report.rows, head: report.head } : undefined;
  }

  async function expectRefused(response: Response, what: string) {
    const body = (await response.json()) as { type?: string; code?: string; message?: string };
    expect([response.status, body.code], what).to.deep.equal([400, "control-character"]);
    expect(body.type, what).to.equal("InvalidRequestException");
  }

  const bodyRoutes = () => listRoutes(world.app.app).filter((r) => r.method !== "GET");
  const queryRoutes = () => listRoutes(world.app.app).filter((r) => r.method === "GET");

  /** each endpoint's fields: from its schema, or a field it does not take when it takes no body (still refused, not ignored) */
  function fieldsOf(route: RouteInfo, prepared: PreparedRequest): { body: unknown; paths: Path[] } {
    if (route.body && prepared.json !== undefined) {
      const paths = textFields(route.body, prepared.json);
      expect(paths.length, `${routeKey(route)}: its schema names text fields`).to.be.greaterThan(0);
      return { body: prepared.json, paths };
    }
    return { body: { note: "ok" }, paths: [["note"]] };
  }

  it("finds every route that reads a JSON body, with its schema, in the routers", () => {
    const withSchema = bodyRoutes().filter((r) => r.body).map(routeKey);
    // the routes known to take a body: the enumeration must find their schemas, not only their paths
    expect(withSchema).to.include.members([
      "POST /api/login",
      "PUT /api/me/language",
      "POST /api/tasks/:id/complete",
      "POST /api/cases",
      "POST /cockpit/api/instances/:id/cancel",
      "POST /cockpit/api/instances/:id/message",
      "POST /modeler/api/deploy",
    ]);
  });

  it("refuses each of them in every text field and key of every JSON body, changing nothing, and accepts the body without them", async () => {
    const summary: string[] = [];
    for (const route of bodyRoutes()) {
      const key = routeKey(route);
      const role = allowedRole(ROUTE_POLICY[key]!);
      const prepared = await ROUTE_REQUESTS[key]!(world, role, "own");
      const { body, paths } = fieldsOf(route, prepared);
      const beforeEffect = await prepared.effect?.();
      const beforeAudit = await auditState();
      let attempts = 0;
      for (const path of paths) {
        const text = String(path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], body));
        for (const c of CONTROLS) {
          await expectRefused(await send(world, role, prepared, { json: withValue(body, path, spliced(text, c)) }), `${key} ${path.join(".")} U+${c.charCodeAt(0).toString(16)}`);
          attempts += 1;
        }
      }
      if (body !== null && typeof body === "object") {
        await expectRefused(await send(world, role, prepared, { json: { ...body, [`extra${CONTROLS[0]}`]: "x" } }), `${key}: a key`);
        // the JSON escape itself, as a client would send it
        await expectRefused(await send(world, role, prepared, { rawBody: JSON.stringify(body).replace(/^\{/, '{"escaped":"a\\u0000b",') }), `${key}: \\u0000 escaped`);
        attempts += 2;
      }
      expect(await prepared.effect?.(), `${key} changed nothing`).to.deep.equal(beforeEffect);
      expect(await auditState(), `${key} wrote no audit row`).to.deep.equal(beforeAudit);
      const accepted = await send(world, role, prepared);
      expect(accepted.status, `${key} without control characters, as ${role}: ${await accepted.clone().text()}`).to.be.below(400);
      summary.push(`${key}: ${paths.length} text field(s) (${paths.map((p) => p.join(".")).join(", ")}), ${attempts} refused`);
    }
    console.log(`      ${summary.join("\n      ")}`);
  });

  it("refuses them in the query string and the address of every GET route", async () => {
    const beforeAudit = await auditState();
    let refused = 0;
    for (const route of queryRoutes()) {
      const key = routeKey(route);
      const role = allowedRole(ROUTE_POLICY[key]!);
      const prepared = await ROUTE_REQUESTS[key]!(world, role, "own");
      const join = prepared.path.includes("?") ? "&" : "?";
      for (const c of CONTROLS) {
        const encoded = encodeURIComponent(`a${c}b`);
        await expectRefused(await send(world, role, prepared, { path: `${prepared.path}${join}q=${encoded}` }), `${key} query value U+${c.charCodeAt(0).toString(16)}`);
        await expectRefused(await send(world, role, prepared, { path: `${prepared.path}${join}${encoded}=1` }), `${key} query key`);
        refused += 2;
      }
    }
    await expectRefused(await send(world, "rise.virtanen", { method: "GET", path: "/api/cases/NIV-2026-%00" }), "the address");
    expect(await auditState(), "no read was made, so none was audited").to.deep.equal(beforeAudit);
    console.log(`      ${queryRoutes().length} GET routes, ${refused + 1} requests refused`);
  });

  it("answers a cockpit cancel whose reason holds a NUL with 400 and leaves the case running and the audit log whole", async () => {
    const c = await world.caseFor("ops.heikkinen", "own", true);
    const state = async () => unwrap(await world.engine.client.GET("/history/process-instance", { params: { query: { processInstanceId: c.instanceId } } }))[0]?.state;
    const admin = await world.session("ops.heikkinen");
    const before = { state: await state(), audit: await auditState() };
    const response = await admin.fetch(`/cockpit/api/instances/${c.instanceId}/cancel`, { method: "POST", json: { reason: "Duplicate\u0000case" } });
    const body = (await response.json()) as { code: string; field: string };
    const after = { state: await state(), audit: await auditState() };
    console.log(`      measured: NUL cancel answered ${response.status} (${body.code}, field ${body.field}); instance ${before.state} → ${after.state}; audit rows ${before.audit!.rows} → ${after.audit!.rows}, chain intact`);
    expect([response.status, body.code, body.field]).to.deep.equal([400, "control-character", "body.reason"]);
    expect(after).to.deep.equal(before);
    expect(before.state).to.equal("ACTIVE");

    // tab and line breaks are text: the same cancel with them goes through, and is audited
    const tabbed = await admin.fetch(`/cockpit/api/instances/${c.instanceId}/cancel`, { method: "POST", json: { reason: "Duplicate\tcase\r\nopened twice" } });
    expect(tabbed.status).to.equal(204);
    expect(await state()).to.equal("EXTERNALLY_TERMINATED");
    const rows = await world.app.store.audit.query({ caseRef: c.caseRef, limit: 10_000 });
    expect(rows.filter((r) => r.action === "cockpit.cancel").map((r) => r.detail.reason)).to.deep.equal(["Duplicate\tcase\r\nopened twice"]);
    expect((await world.app.store.audit.verify()).ok).to.equal(true);
  });
});
