// The files posted with a form other than the public response form's: a change through the private link (boxes to
// remove stored files, and new files) or a response keyed in by staff. Checked once per post (by content, and within
// the limits counting the files kept): the Server Action's `check` shows the error beside the field with the text's
// errors, and its handler stores what was checked.
import { db } from "@/lib/db";
import type { TFieldError } from "@/lib/forms/form-state";
import { hashToken, isToken } from "@/lib/security/token";
import type { TAttachmentChange } from "./change-attachments";
import { checkAttachments, postedFiles } from "./check-attachments";
import { attachmentLimits } from "./limits";
import { removeFieldName } from "./remove-field";

export type TPostedFiles = { ok: true; change: TAttachmentChange } | { ok: false; error: TFieldError };

const checked = new WeakMap<FormData, Promise<TPostedFiles>>();

/** `token`: the private link's, whose response's stored files may be removed and count in the limits; none: keying in. */
export function checkPostedFiles(form: FormData, token?: string): Promise<TPostedFiles> {
  let result = checked.get(form);
  if (!result) {
    result = check(form, token);
    checked.set(form, result);
  }
  return result;
}

async function check(form: FormData, token?: string): Promise<TPostedFiles> {
  const stored =
    token !== undefined && isToken(token)
      ? await db.responseAttachment.findMany({
          where: { response: { manageTokenHash: hashToken(token) } },
          select: { id: true, size: true },
        })
      : [];
  const removed = stored.filter((s) => form.get(removeFieldName(s.id)) === "yes");
  const kept = stored.filter((s) => !removed.includes(s)).map((s) => s.size);
  const files = await checkAttachments(postedFiles(form), attachmentLimits(), kept);
  if (!files.ok) return files;
  return { ok: true, change: { remove: removed.map((s) => s.id), add: files.files } };
}

/** The `check` of a Server Action that takes files: their error, if any, beside the field. */
export async function postedFilesErrors(form: FormData, token?: string): Promise<{ errors: TFieldError[] }> {
  const files = await checkPostedFiles(form, token);
  return { errors: files.ok ? [] : [files.error] };
}
