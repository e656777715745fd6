"use server";
import { revalidatePath } from "next/cache";
import { requireRoleOrNull } from "@/lib/auth";
import { formValues, type TFormState } from "@/lib/forms/form-state";
import { unlockSignIn } from "@/lib/users/unlock-sign-in";

// Admins only: checked here, whatever the page did. Clears an account's sign-in locks (logged in unlockSignIn).
export async function unlockSignInAction(prev: TFormState, form: FormData): Promise<TFormState> {
  const nonce = prev.nonce + 1;
  const values = formValues(form, 100);
  const admin = await requireRoleOrNull("admin");
  if (!admin) return { status: "error", errors: [{ field: "id", key: "forbidden" }], values, nonce };
  const result = await unlockSignIn(admin.id, values.id ?? "");
  if (!result.ok) return { status: "error", errors: [{ field: "id", key: result.key }], values, nonce };
  revalidatePath("/[locale]/admin/accounts", "page");
  return { status: "ok", errors: [], values: {}, nonce };
}
