"use server";
import { revalidatePath } from "next/cache";
import { AccessDenied, requireRole } from "@/lib/auth";
import { triageItems } from "@/lib/feedback/triage-items";
import { readTriageForm, ZTriage } from "@/lib/feedback/triage-schema";

const KNOWN = new Set(["noneSelected", "tooMany", "invalid", "tooLong", "tagTooLong", "reasonNeedsDisposition"]);

export type TTriageState = { status: "idle" | "saved" | "error"; errors: { field: string; key: string }[]; changed: number; nonce: number };

// Moderators and admins only: checked here, whatever the page did.
export async function triageAction(prev: TTriageState, form: FormData): Promise<TTriageState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  let user;
  try {
    user = await requireRole("moderator");
  } catch (e) {
    if (e instanceof AccessDenied) return { status: "error", changed: 0, nonce, errors: [{ field: "ids", key: "forbidden" }] };
    throw e;
  }
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
