import type { CookieOptions, Request } from "express";

export const SESSION_COOKIE = "nivel_session";
/** A session unused this long ends (the idle limit, slid forward by use). */
export const SESSION_HOURS = 8;
/** A session ends this long after sign-in however much it is used: a working day and then some. */
export const SESSION_ABSOLUTE_HOURS = 12;

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
