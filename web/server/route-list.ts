import type express from "express";
import type { z } from "zod";
import { bodySchemaOf } from "./route-body.js";

export interface RouteInfo {
  /** upper case: GET, POST, PUT, DELETE */
  method: string;
  /** the full path as express matches it, parameters as `:name` */
  path: string;
  /** the JSON body it takes, when its handler was made with withBody */
  body?: z.ZodType;
}

/** The parts of express's router layers read here (router 2: Layer has `rawPath`). */
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

function joined(prefix: string, path: unknown): string {
  if (typeof path !== "string") throw new Error(`A route or mount path that is not a string cannot be listed: ${String(path)}`);
  const full = `${prefix}${path === "/" && prefix ? "" : path}`;
  return full.replace(/\/{2,}/g, "/") || "/";
}

/**
 * Every route of the app, read from express's own router stacks (mounted routers included), in
 * the order express tries them. The access matrix, the no-store and the control-character tests
 * enumerate routes from here, and route-policy.ts refuses to start an app with a route it has
 * not classified.
 */
export function listRoutes(app: express.Express): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = joined(prefix, layer.route.path);
        const body = layer.route.stack.map((l) => bodySchemaOf(l.handle)).find((s) => s !== undefined);
        for (const method of Object.keys(layer.route.methods)) {
          if (method === "_all") throw new Error(`${path} answers every method; give it the methods it serves`);
          routes.push({ method: method.toUpperCase(), path, ...(body ? { body } : {}) });
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, layer.rawPath === undefined || layer.rawPath === "/" ? prefix : joined(prefix, layer.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
  return routes;
}
