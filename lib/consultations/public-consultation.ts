// What the public may open: a published consultation, or a draft through its
// private preview link (?preview=<token>; only the token's hash is stored).
import { db } from "@/lib/db";
import { hashToken, isToken } from "@/lib/security/token";
import { getConsultation, type TConsultation } from "./get-consultation";
import { listConsultationsFor } from "./list-consultations";

export async function getPublicConsultation(
  slug: string,
  preview?: unknown,
): Promise<(TConsultation & { preview: boolean }) | null> {
  const c = await getConsultation(slug);
  if (!c) return null;
  if (c.publishedAt) return { ...c, preview: false };
  if (!isToken(preview)) return null;
  const match = await db.consultation.count({ where: { id: c.id, previewTokenHash: hashToken(preview) } });
  return match === 1 ? { ...c, preview: true } : null;
}

/** The consultations listed publicly: published ones only. */
export async function listPublicConsultations(): Promise<TConsultation[]> {
  return listConsultationsFor({ role: "public" });
}
