import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit, type Options, type Store as RateLimitStore } from "express-rate-limit";
import { z } from "zod";
import type { Store } from "../../../lib/store/index.js";
import { ApiProblem } from "../problems.js";

export const SignInLimits = z.object({
  /** failed sign-ins allowed per user name in a window, from any address */
  perUser: z.number().int().positive(),
  /** failed sign-ins allowed per source address in a window, for any user names */
  perAddress: z.number().int().positive(),
  windowMs: z.number().int().positive(),
});
export type SignInLimits = z.infer<typeof SignInLimits>;

/**
 * Ten wrong passwords per user name stop guessing one account from rotating addresses; a hundred
 * per address let a whole office behind one proxy mistype without locking each other out. Both
 * count failures only, in 15-minute windows.
 */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perUser: 10, perAddress: 100, windowMs: 15 * 60_000 };

/** express-rate-limit's counters kept in the app store, so every web process counts against one limit. */
class AttemptsInStore implements RateLimitStore {
  readonly localKeys = false;
  private windowMs = DEFAULT_SIGN_IN_LIMITS.windowMs;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }
  async increment(key: string) {
    const { hits, windowEndsAt } = await this.store.signInAttempts.hit(this.prefix + key, this.now(), this.windowMs);
    return { totalHits: hits, resetTime: windowEndsAt };
  }
  async decrement(key: string) {
    await this.store.signInAttempts.undo(this.prefix + key, this.now());
  }
  async resetKey(key: string) {
    await this.store.signInAttempts.reset(this.prefix + key);
  }
}

/** One account however its name is typed: the engine's ids are matched without regard to case on some databases. */
const userKey = (req: Request) => String((req.body as { username?: unknown }).username).normalize("NFKC").trim().toLowerCase();
const hasUserName = (req: Request) => typeof (req.body as { username?: unknown } | undefined)?.username === "string";

/**
 * The sign-in limiters, per source address and per user name (the address first, so a blocked
 * address does not also use up the user's attempts). Each attempt is counted before the password
 * is checked, so concurrent guesses cannot slip past the limit together, and taken back when the
 * sign-in succeeds: successful sign-ins are not counted. The address is express's `req.ip`,
 * the client's own only behind a proxy named by TRUST_PROXY.
 */
export function signInThrottle(store: Store, now: () => Date, limits: SignInLimits): RequestHandler[] {
  const refuse: Options["handler"] = (_req, _res, next) =>
    next(new ApiProblem(429, "TooManyRequests", "too-many-sign-ins", "Too many failed sign-ins. Wait a while and try again."));
  const common = { windowMs: limits.windowMs, skipSuccessfulRequests: true, standardHeaders: "draft-8", legacyHeaders: false, handler: refuse } as const;
  return [
    rateLimit({ ...common, limit: limits.perAddress, identifier: "address", store: new AttemptsInStore(store, now, "address:"), keyGenerator: (req) => ipKeyGenerator(req.ip ?? "") }),
    rateLimit({ ...common, limit: limits.perUser, identifier: "user", store: new AttemptsInStore(store, now, "user:"), skip: (req) => !hasUserName(req), keyGenerator: userKey }),
  ];
}
