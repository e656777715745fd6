import { NextResponse } from "next/server";
import { getPublicConsultation } from "@/lib/consultations/public-consultation";
import { countCommentsByClause, countResponses } from "@/lib/consultations/count-responses";
import { consultationStatus } from "@/lib/consultations/consultation-status";
import { consultationJson } from "@/lib/api/consultation-json";

import { now } from "@/lib/clock";

export const dynamic = "force-dynamic";

// Public and read-only: no role to check.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const c = await getPublicConsultation(slug);
  if (!c)
    return NextResponse.json(
      { error: { code: "not_found", message: "No consultation has this slug." } },
      { status: 404 },
    );
  const [count, comments] = await Promise.all([countResponses(c.id), countCommentsByClause(c.id)]);
  return NextResponse.json(consultationJson(c, consultationStatus(c, now()), count, comments), {
    headers: { "Cache-Control": "public, max-age=5" },
  });
}
