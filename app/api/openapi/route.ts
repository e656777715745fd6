import { NextResponse } from "next/server";
import spec from "@/lib/api/openapi.json";

export const dynamic = "force-static";

// Public: the OpenAPI document of the public JSON API, no role to check.
export async function GET() {
  return NextResponse.json(spec, { headers: { "Cache-Control": "public, max-age=300" } });
}
