import type { Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { invalidRequest } from "./problems.js";

/** The body schema of each handler made by withBody, so the route list can say what a route takes. */
const BODY_SCHEMAS = new WeakMap<object, z.ZodType>();

/**
 * A route handler whose JSON body must match `schema`: refused with 400 naming the fields before
 * `handle` runs, and `handle` gets the parsed body. The schema stays findable from the route
 * (bodySchemaOf), so tests enumerate every JSON route's fields from the routers themselves.
 */
export function withBody<S extends z.ZodType>(schema: S, handle: (req: Request, res: Response, body: z.output<S>) => Promise<void>): RequestHandler {
  const handler: RequestHandler = async (req, res) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) throw invalidRequest(parsed.error);
    await handle(req, res, parsed.data);
  };
  BODY_SCHEMAS.set(handler, schema);
  return handler;
}

export function bodySchemaOf(handler: unknown): z.ZodType | undefined {
  return typeof handler === "function" ? BODY_SCHEMAS.get(handler) : undefined;
}
