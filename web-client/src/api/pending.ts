/**
 * Shapes of endpoints being built on other branches and not yet in openapi/api.json. Each moves to
 * types.ts (generated) as soon as its endpoint lands and the snapshot is refreshed.
 */

/** GET/PUT /api/v1/preferences (notifications module). */
export interface NotificationPreferences {
  channels: string[];
  quietFrom?: string | null;
  quietUntil?: string | null;
  mutedSchools?: string[];
  language?: string | null;
  dailyDigest?: boolean;
}
