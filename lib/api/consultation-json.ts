import type { z } from "zod";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import type { TStatus } from "@/lib/consultations/consultation-status";
import type { ZConsultation } from "./wire";

/** The public JSON shape of a consultation and its draft: ZConsultation, which the API document is made from. */
export function consultationJson(
  c: TConsultation,
  status: TStatus,
  responseCount: number,
  comments: Map<string, number>,
): z.input<typeof ZConsultation> {
  const keyById = new Map(c.clauses.map((k) => [k.id, k.key]));
  return {
    slug: c.slug,
    title: c.title,
    summary: c.summary,
    askedFor: c.askedFor,
    audience: c.audience,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    timeZone: c.timeZone,
    status,
    responseCount,
    clauses: c.clauses.map((k) => ({
      id: k.id,
      key: k.key,
      kind: k.kind,
      number: k.number,
      parentKey: k.parentId ? (keyById.get(k.parentId) ?? null) : null,
      position: k.position,
      heading: k.heading,
      body: k.body,
      commentCount: comments.get(k.id) ?? 0,
    })),
  };
}
