// A member of the delegation marks the workspace "ready for approval": the approvers of the country are
// emailed (jobs queued in the same transaction), and the workspace shows who asked and when. A later save
// clears it (save-draft.ts): the approvers would be asked to sign off something else than what was announced.
import { z } from "zod";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TCurrentUser } from "@/lib/auth";
import { countryName } from "@/lib/countries/list-countries";
import { lockWorkspace, mayDraft, workspaceWindow } from "@/lib/formal/save-draft";
import { bilingualMail, linkIn, queueNotice } from "./notice-mail";

export type TMarkReady =
  | { ok: true; approvers: number }
  | { ok: false; reason: "forbidden" | "locked" | "closed" | "notOpen" | "stale" | "alreadyReady" };

export async function markReady(
  user: TCurrentUser,
  consultation: { id: string; slug: string; title: { en: string; fr: string } },
  version: number,
): Promise<TMarkReady> {
  if (!mayDraft(user)) return { ok: false, reason: "forbidden" };
  return db.$transaction(async (tx) => {
    const ws = await lockWorkspace(tx, consultation.id, user.country);
    if (!ws) return { ok: false, reason: "forbidden" } as const;
    if (ws.status === "submitted") return { ok: false, reason: "locked" } as const;
    if (ws.version !== version) return { ok: false, reason: "stale" } as const;
    const at = now();
    const shut = workspaceWindow(ws, at);
    if (shut) return { ok: false, reason: shut } as const;
    const n = await tx.$executeRaw`UPDATE formal_response SET ready_at = ${at}, ready_by_id = ${user.id}::uuid
      WHERE id = ${ws.id}::uuid AND ready_at IS NULL`;
    if (n !== 1) return { ok: false, reason: "alreadyReady" } as const;
    await tx.formalEvent.create({
      data: { formalResponseId: ws.id, actorId: user.id, at, kind: "ready", detail: `v${ws.version}` },
    });
    const approvers = await tx.appUser.findMany({
      where: { role: "delegate", country: user.country, delegationRole: "approver", disabledAt: null },
      select: { email: true },
    });
    for (const a of approvers)
      await queueNotice(
        tx,
        bilingualMail(a.email, "readyMailSubject", "readyMailBody", (locale) => ({
          name: user.name,
          country: countryName(user.country, locale),
          title: consultation.title[locale],
          link: linkIn(locale, `/delegation/${consultation.slug}#submit`),
        })),
      );
    return { ok: true, approvers: approvers.length } as const;
  });
}

/** The button's form: the workspace version the person is looking at (a newer save refuses it: "stale"). */
export const ZMarkReady = z.object({
  slug: z.string().max(64),
  version: z.coerce.number({ error: "ready_stale" }).int({ error: "ready_stale" }).min(1, { error: "ready_stale" }),
});
