import { z } from "zod";
import type { Database } from "./database.js";
import { Actor } from "./common.js";
import { parseInput } from "./validate.js";

/** The languages of the tasklist and of the notices. */
export const PreferredLanguage = z.enum(["fi", "sv", "en"]);
export type PreferredLanguage = z.infer<typeof PreferredLanguage>;

export interface PreferencesRepository {
  /** the language `userId` chose, or null when they never chose one */
  languageOf(userId: string): Promise<PreferredLanguage | null>;
  setLanguage(userId: string, language: PreferredLanguage, at: Date): Promise<void>;
}

export function preferencesRepository(db: Database): PreferencesRepository {
  return {
    async languageOf(userId) {
      const id = parseInput(Actor, userId, "user id");
      const [row] = await db.query<{ language: PreferredLanguage }>("SELECT language FROM user_preferences WHERE user_id = $1", [id]);
      return row?.language ?? null;
    },
    async setLanguage(userId, language, at) {
      const id = parseInput(Actor, userId, "user id");
      const lang = parseInput(PreferredLanguage, language, "language");
      await db.query(
        `INSERT INTO user_preferences (user_id, language, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET language = EXCLUDED.language, updated_at = EXCLUDED.updated_at`,
        [id, lang, at],
      );
    },
  };
}
