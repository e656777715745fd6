import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";
import { mayReadHealthDetails } from "@/lib/health/health-details";

export const dynamic = "force-dynamic";

// Public, for load balancers: the status and load shedding; 503 when the database does not answer.
// Details for the operator's token or a staff session (lib/health/health-details.ts).
export async function GET(request: Request) {
  const { status, body } = await checkHealth({ details: await mayReadHealthDetails(request.headers) });
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}
