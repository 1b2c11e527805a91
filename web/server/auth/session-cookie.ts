import type { CookieOptions, Request } from "express";

export const SESSION_COOKIE = "nivel_session";
export const SESSION_HOURS = 8;

/** HttpOnly and SameSite=Strict always; Secure whenever the request came over TLS (directly or via a trusted proxy). */
export function sessionCookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/" };
}

export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join("="));
  }
  return undefined;
}
