"use server";
// Saved views of the queue: save the current filter under a name (for me or
// the team), delete my own. Moderators and admins only, checked here.
import { revalidatePath } from "next/cache";
import { requireRoleOrNull } from "@/lib/auth";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { readSaveViewForm, ZSaveView } from "@/lib/saved-views/schema";
import { saveView } from "@/lib/saved-views/save-view";
import { deleteView } from "@/lib/saved-views/delete-view";

const KNOWN = new Set(["nameRequired", "nameTooLong", "nameTaken", "invalid", "forbidden", "gone"]);

export type TViewState = {
  status: "idle" | "saved" | "deleted" | "error";
  errors: { field: string; key: string }[];
  // What the moderator typed, shown again after an error.
  values: { name: string; shared: boolean };
  saved?: string;
  nonce: number;
};

const read = (form: FormData) => {
  const raw = readSaveViewForm(form) as { name: string; shared: boolean };
  return { name: raw.name, shared: raw.shared };
};

export async function saveViewAction(prev: TViewState, form: FormData): Promise<TViewState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const values = read(form);
  const fail = (field: string, key: string): TViewState => ({ status: "error", errors: [{ field, key }], values, nonce });
  const user = await requireRoleOrNull("moderator");
  if (!user) return fail("name", "forbidden");
  const parsed = ZSaveView.safeParse(readSaveViewForm(form));
  if (!parsed.success) {
    return {
      status: "error", values, nonce,
      errors: parsed.error.issues.map((i) => ({ field: i.path[0] === "name" ? "name" : "name", key: KNOWN.has(i.message) ? i.message : "invalid" })),
    };
  }
  // A hidden draft is an admin's only: a moderator is answered as for an unknown slug.
  const c = await getConsultationFor(user, parsed.data.consultation);
  if (!c) return fail("name", "invalid");
  const r = await saveView(user.id, c.id, parsed.data);
  if (!r.ok) return fail(r.field, r.key);
  revalidatePath("/[locale]/moderate", "layout");
  return { status: "saved", errors: [], values: { name: "", shared: false }, saved: parsed.data.name, nonce };
}

export async function deleteViewAction(prev: TViewState, form: FormData): Promise<TViewState> {
  const nonce = (prev?.nonce ?? 0) + 1;
  const values = prev?.values ?? { name: "", shared: false };
  const user = await requireRoleOrNull("moderator");
  if (!user) return { status: "error", errors: [{ field: "name", key: "forbidden" }], values, nonce };
  const id = form.get("id");
  const ok = typeof id === "string" && (await deleteView(user.id, id));
  if (!ok) return { status: "error", errors: [{ field: "name", key: "gone" }], values, nonce };
  revalidatePath("/[locale]/moderate", "layout");
  return { status: "deleted", errors: [], values, nonce };
}
