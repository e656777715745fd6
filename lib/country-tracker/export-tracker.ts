// GET /api/moderate/consultations/{slug}/countries[?state=…]: the tracker's rows as CSV (moderators and admins),
// through the exports' encoder: formula cells neutralised, ISO 8601 UTC times, UTF-8 with a BOM.
import { Readable } from "node:stream";
import { requireRoleForApi } from "@/lib/auth";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { countryName } from "@/lib/countries/list-countries";
import { ENCODERS } from "@/lib/http/export-encoders";
import { exportResponse } from "@/lib/http/export-stream";
import { isTrackerState, listTracker, type TTrackerState } from "./list-tracker";

export const TRACKER_COLUMNS = [
  "country",
  "country_name",
  "expected",
  "state",
  "last_change",
  "members",
  "extended_until",
] as const;

export async function trackerCsvRequest(request: Request, slug: string): Promise<Response> {
  const user = await requireRoleForApi("moderator");
  if (user instanceof Response) return user;
  // Hidden drafts: admins only, as on the page.
  const c = await getConsultationFor(user, slug);
  if (!c) return Response.json({ error: { code: "not_found", message: "No such consultation." } }, { status: 404 });
  const asked = new URL(request.url).searchParams.get("state");
  const state = isTrackerState(asked) ? asked : undefined;
  if (asked && !state)
    return Response.json(
      {
        error: {
          code: "invalid_state",
          message: `state must be one of the tracker's states; got "${asked.slice(0, 40)}".`,
        },
      },
      { status: 400 },
    );
  return trackerCsv(c, state);
}

/** The CSV answer of the tracker's rows in a state (all without one), every column as the page shows it. */
export async function trackerCsv(c: { id: string; slug: string }, state?: TTrackerState): Promise<Response> {
  const rows = await listTracker(c.id, state);
  const records = rows.map((r) => ({
    country: r.country,
    country_name: countryName(r.country, "en"),
    expected: r.expected,
    state: r.state,
    last_change: r.lastChange?.toISOString() ?? "",
    members: r.members,
    extended_until: r.extendedUntil?.toISOString() ?? "",
  }));
  const stream = Readable.from(records).pipe(ENCODERS.csv(TRACKER_COLUMNS));
  return exportResponse(stream, "csv", `${c.slug}-countries${state ? `-${state}` : ""}.csv`, {
    "cache-control": "private, no-store",
  });
}
