"use server";
import { revalidatePath } from "next/cache";
import { requireRoleOrNull } from "@/lib/auth";
import { triageItems } from "@/lib/feedback/triage-items";
import { readTriageForm, ZTriage } from "@/lib/feedback/triage-schema";
import { startFindingCampaigns } from "@/lib/feedback/find-campaigns";
import { getConsultationFor } from "@/lib/consultations/get-consultation";

const KNOWN = new Set(["noneSelected", "tooMany", "invalid", "tooLong", "tagTooLong", "reasonNeedsDisposition"]);

export type TTriageState = { status: "idle" | "saved" | "error"; errors: { field: string; key: string }[]; changed: number; nonce: number };

// Moderators and admins only: checked here, whatever the page did.
export async function triageAction(prev: TTriageState, form: FormData): Promise<TTriageState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const user = await requireRoleOrNull("moderator");
  if (!user) return { status: "error", changed: 0, nonce, errors: [{ field: "ids", key: "forbidden" }] };
  const parsed = ZTriage.safeParse(readTriageForm(form));
  if (!parsed.success) {
    return {
      status: "error", changed: 0, nonce,
      errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "ids"), key: KNOWN.has(i.message) ? i.message : "invalid" })),
    };
  }
  const result = await triageItems(user.id, parsed.data);
  if (!result.ok) return { status: "error", changed: 0, nonce, errors: [{ field: "ids", key: result.reason }] };
  revalidatePath("/[locale]/moderate", "layout");
  return { status: "saved", changed: result.changed, nonce, errors: [] };
}

export type TFindState = { status: "idle" | "started" | "running" | "error"; nonce: number };

// Moderators and admins only: checked here. Starts a background run and answers at once; the page shows it.
export async function findCampaignsAction(prev: TFindState, form: FormData): Promise<TFindState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const user = await requireRoleOrNull("moderator");
  if (!user) return { status: "error", nonce };
  const slug = form.get("slug");
  const c = typeof slug === "string" ? await getConsultationFor(user, slug) : null;
  if (!c) return { status: "error", nonce };
  const r = await startFindingCampaigns(user.id, c.id);
  // Most consultations are done in well under a second: wait that long, so the page shows the result at once.
  if (r.started) await Promise.race([r.done, new Promise((resolve) => setTimeout(resolve, 2000))]);
  revalidatePath("/[locale]/moderate", "layout");
  return { status: r.started ? "started" : "running", nonce };
}
