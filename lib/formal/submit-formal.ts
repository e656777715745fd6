// An approver submits the saved draft as the country's official response: the
// sign-off (who, when) is recorded, the workspace is locked, and the response
// is written with its feedback items in the same transaction. Two approvers
// submitting at once: the row lock lets one through; the partial unique index
// response_official_once_idx is the last word.
import { announcedWhenOk } from "@/lib/consultations/cache-bus";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import type { TCurrentUser } from "@/lib/auth";
import { countryName } from "@/lib/countries/list-countries";
import { yearFormat } from "@/lib/responses/submit-response";
import { receiptKey } from "@/lib/responses/receipt-key";
import { withLanguages } from "@/lib/responses/text-language";
import { writeResponseIn } from "@/lib/responses/write-responses";
import { formalItems } from "./formal-items";
import { lockWorkspace, mayDraft, workspaceWindow } from "./save-draft";
import { submissionIssues } from "./schema";

export type TSubmitFormal =
  | { ok: true; reference: string; receiptKey: string }
  | { ok: false; reason: "forbidden" | "locked" | "closed" | "notOpen" | "stale" }
  | { ok: false; reason: "incomplete"; issues: { path: string[]; key: string }[] };

export async function submitFormal(
  user: TCurrentUser,
  consultation: TConsultation,
  version: number,
  locale: "en" | "fr",
): Promise<TSubmitFormal> {
  if (!mayDraft(user) || user.delegationRole !== "approver") return { ok: false, reason: "forbidden" };
  try {
    return await announcedWhenOk(
      db.$transaction(async (tx) => {
        const ws = await lockWorkspace(tx, consultation.id, user.country);
        // Not published (whatever the caller's copy says): as if it did not exist.
        if (!ws) return { ok: false, reason: "forbidden" } as const;
        if (ws.status === "submitted") return { ok: false, reason: "locked" } as const;
        if (ws.version !== version) return { ok: false, reason: "stale" } as const;
        const at = now();
        const shut = workspaceWindow(ws, at);
        if (shut) return { ok: false, reason: shut } as const;
        const byKey = Object.fromEntries(
          consultation.clauses.filter((c) => ws.positions[c.id]).map((c) => [c.key, ws.positions[c.id]]),
        );
        const issues = submissionIssues({ statement: ws.statement ?? undefined, positions: byKey });
        if (issues.length) return { ok: false, reason: "incomplete", issues } as const;

        // A resubmission (after a moderator reopened it) supersedes the previous official response.
        await tx.$executeRaw`UPDATE response SET withdrawn_at = ${at} WHERE formal_response_id = ${ws.id}::uuid AND withdrawn_at IS NULL`;
        const [c] = await tx.$queryRaw<
          { publish_formal: boolean }[]
        >`SELECT publish_formal FROM consultation WHERE id = ${consultation.id}::uuid`;
        const row = await writeResponseIn(tx, {
          consultation_id: consultation.id,
          at,
          in_time: true,
          year: yearFormat(consultation.timeZone).format(at),
          idempotency_key: formalKey(),
          locale,
          channel: "formal",
          respondent_type: "national_government",
          country: user.country,
          organisation_name: countryName(user.country, "en"),
          respondent_name: user.name,
          public_sector: true,
          email: null,
          publication: c?.publish_formal ? "named" : "none",
          manage_token_hash: null,
          ip_hash: null,
          in_extension: false,
          keyed_by_id: null,
          received_on: null,
          request_hash: null,
          manage_token: null,
          formal_response_id: ws.id,
          items: withLanguages(formalItems(consultation.clauses, ws.positions, ws.statement ?? undefined), locale),
        });
        // Publication was checked when the workspace was locked and is never undone; were it undone, nothing is written.
        if (!row) throw new NotPublished();
        await tx.$executeRaw`UPDATE formal_response SET status = 'submitted', submitted_at = ${at}, submitted_by_id = ${user.id}::uuid,
        version = version + 1, updated_at = ${at}, ready_at = NULL, ready_by_id = NULL WHERE id = ${ws.id}::uuid`;
        await tx.formalEvent.create({
          data: { formalResponseId: ws.id, actorId: user.id, at, kind: "submitted", detail: row.reference },
        });
        return { ok: true, reference: row.reference, receiptKey: receiptKey(row.reference) } as const;
      }),
    );
  } catch (e) {
    if (e instanceof NotPublished) return { ok: false, reason: "forbidden" };
    // The partial unique index: another official response for this country went in first. Any other error is not "locked".
    if (violatesIndex(e, "response_official_once_idx")) return { ok: false, reason: "locked" };
    throw e;
  }
}

class NotPublished extends Error {}

/**
 * An official response's idempotency key: random, and with a colon, which the public schema's
 * alphabet ([A-Za-z0-9_-]) refuses, so no post through the form or the API can take it first.
 */
export function formalKey(): string {
  return `formal:${randomUUID()}`;
}

type TAdapterCause = { originalCode?: string; constraint?: { index?: string } };

/** Whether a raw query failed on this unique index (Prisma 7 reports it as P2010 with the driver's cause: 23505 and the index). */
function violatesIndex(e: unknown, index: string): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== "P2010") return false;
  const cause = (e.meta as { driverAdapterError?: { cause?: TAdapterCause } } | undefined)?.driverAdapterError?.cause;
  return cause?.originalCode === "23505" && cause.constraint?.index === index;
}
