"use server";
// Saved views of the queue: save the current filter under a name (for me or
// the team), delete my own. Moderators and admins only, checked here.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { formAction } from "@/lib/forms/action";
import { readSaveViewForm, ZSaveView } from "@/lib/saved-views/schema";
import { saveView } from "@/lib/saved-views/save-view";
import { deleteView } from "@/lib/saved-views/delete-view";

const KNOWN = new Set(["nameRequired", "nameTooLong", "nameTaken", "invalid", "forbidden", "gone"]);
const ZDeleteView = z.object({ id: z.string({ error: "gone" }).max(100, { error: "gone" }) });

// Every error shows at the name (the one field); the form keeps what was typed (values.name, values.shared).
export const saveViewAction = formAction(
  {
    role: "moderator",
    schema: ZSaveView,
    field: "name",
    maxValue: 200,
    read: readSaveViewForm,
    errorField: (e) => ({ field: "name", key: KNOWN.has(e.key) ? e.key : "invalid" }),
  },
  async (input, { user, fail, ok }) => {
    // A hidden draft is an admin's only: a moderator is answered as for an unknown slug.
    const c = await getConsultationFor(user, input.consultation);
    if (!c) return fail({ field: "name", key: "invalid" });
    const r = await saveView(user.id, c.id, input);
    if (!r.ok) return fail({ field: r.field, key: r.key });
    revalidatePath("/[locale]/moderate", "layout");
    return ok({ saved: input.name });
  },
);

export const deleteViewAction = formAction(
  { role: "moderator", schema: ZDeleteView, field: "name" },
  async (input, { user, fail, ok }) => {
    if (!(await deleteView(user.id, input.id))) return fail({ field: "name", key: "gone" });
    revalidatePath("/[locale]/moderate", "layout");
    return ok({ deleted: "1" });
  },
);
