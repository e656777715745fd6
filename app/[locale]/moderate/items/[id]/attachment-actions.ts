"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireRole } from "@/lib/auth";
import { clearAttachment } from "@/lib/attachments/clear-attachment";
import { isLocale } from "@/lib/i18n/routing";

const ZClear = z.object({
  locale: z.string().refine(isLocale),
  item: z.uuid(),
  file: z.uuid(),
  cleared: z.enum(["1", "0"]),
});

// Moderators and admins only: checked here, whatever the page did. Back to the item page, saying what happened
// (a plain form and a redirect: it works without JavaScript).
export async function clearAttachmentAction(form: FormData): Promise<void> {
  const user = await requireRole("moderator");
  const parsed = ZClear.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) redirect("/en/moderate");
  const { locale, item, file, cleared } = parsed.data;
  const result = await clearAttachment(user, item, file, cleared === "1");
  revalidatePath("/[locale]/moderate", "layout");
  const outcome = result.ok ? (cleared === "1" ? "cleared" : "uncleared") : result.reason;
  redirect(`/${locale}/moderate/items/${item}?file=${outcome}#attachments-title`);
}
