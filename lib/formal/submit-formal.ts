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
import { formalItems } from "./formal-items";
import { lockWorkspace, mayDraft, workspaceWindow } from "./save-draft";
import { submissionIssues } from "./schema";

export type TSubmitFormal =
  | { ok: true; reference: string; receiptKey: string }
  | { ok: false; reason: "forbidden" | "locked" | "closed" | "notOpen" | "stale" }
  | { ok: false; reason: "incomplete"; issues: { path: string[]; key: string }[] };

export async function submitFormal(user: TCurrentUser, consultation: TConsultation, version: number, locale: "en" | "fr"): Promise<TSubmitFormal> {
  if (!mayDraft(user) || user.delegationRole !== "approver") return { ok: false, reason: "forbidden" };
  try {
    return await announcedWhenOk(db.$transaction(async (tx) => {
      const ws = await lockWorkspace(tx, consultation.id, user.country);
      // Not published (whatever the caller's copy says): as if it did not exist.
      if (!ws) return { ok: false, reason: "forbidden" } as const;
      if (ws.status === "submitted") return { ok: false, reason: "locked" } as const;
      if (ws.version !== version) return { ok: false, reason: "stale" } as const;
      const at = now();
      const shut = workspaceWindow(ws, at);
      if (shut) return { ok: false, reason: shut } as const;
      const byKey = Object.fromEntries(consultation.clauses.filter((c) => ws.positions[c.id]).map((c) => [c.key, ws.positions[c.id]]));
      const issues = submissionIssues({ statement: ws.statement ?? undefined, positions: byKey });
      if (issues.length) return { ok: false, reason: "incomplete", issues } as const;

      // A resubmission (after a moderator reopened it) supersedes the previous official response.
      await tx.$executeRaw`UPDATE response SET withdrawn_at = ${at} WHERE formal_response_id = ${ws.id}::uuid AND withdrawn_at IS NULL`;
      const items = formalItems(consultation.clauses, ws.positions, ws.statement ?? undefined);
      const year = yearFormat(consultation.timeZone).format(at);
      const [row] = await tx.$queryRaw<{ reference: string }[]>`
        WITH c AS (SELECT id, reference_prefix, publish_formal FROM consultation WHERE id = ${consultation.id}::uuid AND published_at IS NOT NULL),
        n AS (SELECT nextval(pg_get_serial_sequence('response', 'number')) AS num),
        r AS (
          INSERT INTO response (consultation_id, number, reference, idempotency_key, submitted_at, locale, channel, respondent_type,
            country, organisation_name, respondent_name, public_sector, email, publication, privacy_consent_at, formal_response_id)
          SELECT c.id, n.num, c.reference_prefix || '-' || ${year} || '-' || lpad(n.num::text, greatest(6, length(n.num::text)), '0'),
            ${formalKey()}, ${at}, ${locale}, 'formal', 'national_government', ${user.country},
            ${countryName(user.country, "en")}, ${user.name}, true, NULL,
            (CASE WHEN c.publish_formal THEN 'named' ELSE 'none' END)::publication, ${at}, ${ws.id}::uuid
          FROM c, n RETURNING id, reference
        ), i AS (
          INSERT INTO feedback_item (response_id, clause_id, aspect, position, stance, comment, term, proposed_wording)
          SELECT r.id, x.clause_id, x.aspect, x.position, x.stance, x.comment, x.term, x.proposed_wording
          FROM r, jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(clause_id uuid, aspect feedback_aspect, position int,
            stance stance, comment text, term text, proposed_wording text)
        )
        SELECT reference FROM r`;
      // Publication was checked when the workspace was locked and is never undone; were it undone, nothing is written.
      if (!row) throw new NotPublished();
      await tx.$executeRaw`UPDATE formal_response SET status = 'submitted', submitted_at = ${at}, submitted_by_id = ${user.id}::uuid,
        version = version + 1, updated_at = ${at} WHERE id = ${ws.id}::uuid`;
      await tx.formalEvent.create({ data: { formalResponseId: ws.id, actorId: user.id, at, kind: "submitted", detail: row.reference } });
      return { ok: true, reference: row.reference, receiptKey: receiptKey(row.reference) } as const;
    }));
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
