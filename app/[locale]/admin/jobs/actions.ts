"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireRoleOrNull } from "@/lib/auth";
import { isLocale } from "@/lib/i18n/routing";
import { retryFailedJob } from "@/lib/jobs/failed-jobs";
import { ZRetryJob } from "@/lib/jobs/schema";

// Admins only: checked here, whatever the page did. Puts a failed job back in the queue (logged in retryFailedJob),
// then shows the page again with what happened: a redirect, so the form works without JavaScript too.
export async function retryJobAction(form: FormData): Promise<void> {
  const locale = String(form.get("locale"));
  const page = `/${isLocale(locale) ? locale : "en"}/admin/jobs`;
  const admin = await requireRoleOrNull("admin");
  if (!admin) redirect(`${page}?error=forbidden`);
  const parsed = ZRetryJob.safeParse({ id: form.get("id") });
  const retried = parsed.success && (await retryFailedJob(admin.id, parsed.data.id));
  revalidatePath("/[locale]/admin/jobs", "page");
  redirect(retried ? `${page}?retried=${parsed.data.id}` : `${page}?error=notFailed`);
}
