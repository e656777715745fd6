import { db } from "@/lib/db";
import { getConsultation, type TConsultation } from "./get-consultation";

/** Every consultation, the ones closing soonest first. */
export async function listConsultations(): Promise<TConsultation[]> {
  const rows = await db.consultation.findMany({ select: { slug: true }, orderBy: [{ closesAt: "asc" }], take: 100 });
  const all = await Promise.all(rows.map((r) => getConsultation(r.slug)));
  return all.filter((c): c is TConsultation => c !== null);
}

/** The consultations a staff member may see: every one for an admin, published ones for anyone else. */
export async function listConsultationsFor(user: { role: string }): Promise<TConsultation[]> {
  const all = await listConsultations();
  return user.role === "admin" ? all : all.filter((c) => c.publishedAt !== null);
}
