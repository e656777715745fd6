import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

// Public, for load balancers and operators: the app's and the database's status; 503 when the database does not answer.
export async function GET() {
  const { status, body } = await checkHealth();
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}
