"use server";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/action";
import { ZUnlockSignIn } from "@/lib/users/account-schema";
import { unlockSignIn } from "@/lib/users/unlock-sign-in";

// Admins only: checked here, whatever the page did. Clears an account's sign-in locks (logged in unlockSignIn).
export const unlockSignInAction = formAction(
  { role: "admin", schema: ZUnlockSignIn, field: "id", maxValue: 100 },
  async (input, { user, fail, ok }) => {
    const result = await unlockSignIn(user.id, input.id);
    if (!result.ok) return fail({ field: "id", key: result.key });
    revalidatePath("/[locale]/admin/accounts", "page");
    return ok();
  },
);
