// The country tracker (moderators and admins): every country with a delegation, and every country an admin
// expects to answer the consultation, with its state and the date of its last change. One query; the state is
// derived from what the invitations, accounts and the workspace say (nothing kept twice).
import { db } from "@/lib/db";

export { isTrackerState, TRACKER_STATES, type TTrackerState } from "./states";
import type { TTrackerState } from "./states";

type TRow = {
  country: string;
  expected: boolean;
  status: "draft" | "submitted" | null;
  ready_at: Date | null;
  submitted_at: Date | null;
  extended_until: Date | null;
  members: number;
  invitations: number;
  reopened: boolean;
  drafted: boolean;
  last_change: Date | null;
};

export type TTrackerRow = {
  country: string;
  expected: boolean;
  state: TTrackerState;
  lastChange: Date | null;
  members: number;
  extendedUntil: Date | null;
};

/**
 * The state, most advanced first: submitted; ready for approval; reopened (by a moderator, not yet submitted
 * again); drafting (a save or a letter); accepted (an active member); invited (an invitation, not yet taken);
 * not invited.
 */
export function trackerState(r: Omit<TRow, "country" | "expected" | "last_change" | "extended_until">): TTrackerState {
  if (r.status === "submitted") return "submitted";
  if (r.ready_at) return "ready";
  if (r.reopened) return "reopened";
  if (r.drafted) return "drafting";
  if (r.members > 0) return "accepted";
  if (r.invitations > 0) return "invited";
  return "notInvited";
}

export async function listTracker(consultationId: string, state?: TTrackerState): Promise<TTrackerRow[]> {
  const rows = await db.$queryRaw<TRow[]>`
    WITH k AS (
      SELECT country FROM expected_country WHERE consultation_id = ${consultationId}::uuid
      UNION SELECT country FROM invitation WHERE role = 'delegate' AND country IS NOT NULL
      UNION SELECT country FROM app_user WHERE role = 'delegate' AND country IS NOT NULL AND disabled_at IS NULL
      UNION SELECT country FROM formal_response WHERE consultation_id = ${consultationId}::uuid
    )
    SELECT k.country,
      EXISTS (SELECT 1 FROM expected_country e WHERE e.consultation_id = ${consultationId}::uuid AND e.country = k.country) AS expected,
      f.status, f.ready_at, f.submitted_at, f.extended_until,
      (SELECT count(*) FROM app_user u WHERE u.role = 'delegate' AND u.country = k.country AND u.disabled_at IS NULL)::int AS members,
      (SELECT count(*) FROM invitation i WHERE i.role = 'delegate' AND i.country = k.country)::int AS invitations,
      EXISTS (SELECT 1 FROM formal_event v WHERE v.formal_response_id = f.id AND v.kind = 'reopened') AS reopened,
      EXISTS (SELECT 1 FROM formal_event v WHERE v.formal_response_id = f.id AND v.kind IN ('saved', 'letter_uploaded')) AS drafted,
      GREATEST(
        (SELECT max(GREATEST(i.created_at, i.accepted_at)) FROM invitation i WHERE i.role = 'delegate' AND i.country = k.country),
        (SELECT max(v.at) FROM formal_event v WHERE v.formal_response_id = f.id),
        f.ready_at
      ) AS last_change
    FROM k LEFT JOIN formal_response f ON f.consultation_id = ${consultationId}::uuid AND f.country = k.country
    ORDER BY k.country`;
  const all = rows.map((r) => ({
    country: r.country,
    expected: r.expected,
    state: trackerState(r),
    lastChange: r.last_change,
    members: r.members,
    extendedUntil: r.extended_until,
  }));
  return state ? all.filter((r) => r.state === state) : all;
}
