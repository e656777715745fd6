// An approver submits the saved draft as the country's official response: the
// sign-off (who, when) is recorded, the workspace is locked, and the response
// is written with its feedback items in the same transaction. Two approvers
// submitting at once: the row lock lets one through; the partial unique index
// response_official_once_idx is the last word.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import type { TConsultation } from "@/lib/consultations/get-consultation";
import type { TCurrentUser } from "@/lib/auth";
import { countryName } from "@/lib/countries/list-countries";
import { yearFormat } from "@/lib/responses/submit-response";
import { receiptKey } from "@/lib/responses/receipt-key";
import { formalDeadline } from "./get-workspace";
import { formalItems } from "./formal-items";
import { lockWorkspace, mayDraft } from "./save-draft";
import { submissionIssues } from "./schema";

export type TSubmitFormal =
  | { ok: true; reference: string; receiptKey: string }
  | { ok: false; reason: "forbidden" | "locked" | "closed" | "notOpen" | "stale" }
  | { ok: false; reason: "incomplete"; issues: { path: string[]; key: string }[] };

export async function submitFormal(user: TCurrentUser, consultation: TConsultation, version: number, locale: "en" | "fr"): Promise<TSubmitFormal> {
  if (!mayDraft(user) || user.delegationRole !== "approver") return { ok: false, reason: "forbidden" };
  try {
    return await db.$transaction(async (tx) => {
      const ws = await lockWorkspace(tx, consultation.id, user.country);
      if (!ws) return { ok: false, reason: "stale" } as const;
      if (ws.status === "submitted") return { ok: false, reason: "locked" } as const;
      if (ws.version !== version) return { ok: false, reason: "stale" } as const;
      const at = now();
      if (at < consultation.opensAt) return { ok: false, reason: "notOpen" } as const;
      if (at >= formalDeadline(consultation, { extendedUntil: ws.extended_until })) return { ok: false, reason: "closed" } as const;
      const byKey = Object.fromEntries(consultation.clauses.filter((c) => ws.positions[c.id]).map((c) => [c.key, ws.positions[c.id]]));
      const issues = submissionIssues({ statement: ws.statement ?? undefined, positions: byKey });
      if (issues.length) return { ok: false, reason: "incomplete", issues } as const;

      // A resubmission (after a moderator reopened it) supersedes the previous official response.
      await tx.$executeRaw`UPDATE response SET withdrawn_at = ${at} WHERE formal_response_id = ${ws.id}::uuid AND withdrawn_at IS NULL`;
      const items = formalItems(consultation.clauses, ws.positions, ws.statement ?? undefined);
      const year = yearFormat(consultation.timeZone).format(at);
      const [row] = await tx.$queryRaw<{ reference: string }[]>`
        WITH c AS (SELECT id, reference_prefix, publish_formal FROM consultation WHERE id = ${consultation.id}::uuid),
        n AS (SELECT nextval(pg_get_serial_sequence('response', 'number')) AS num),
        r AS (
          INSERT INTO response (consultation_id, number, reference, idempotency_key, submitted_at, locale, channel, respondent_type,
            country, organisation_name, respondent_name, public_sector, email, publication, privacy_consent_at, formal_response_id)
          SELECT c.id, n.num, c.reference_prefix || '-' || ${year} || '-' || lpad(n.num::text, greatest(6, length(n.num::text)), '0'),
            ${`formal-${ws.id.slice(0, 8)}-v${ws.version}`}, ${at}, ${locale}, 'formal', 'national_government', ${user.country},
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
      await tx.$executeRaw`UPDATE formal_response SET status = 'submitted', submitted_at = ${at}, submitted_by_id = ${user.id}::uuid,
        version = version + 1, updated_at = ${at} WHERE id = ${ws.id}::uuid`;
      await tx.formalEvent.create({ data: { formalResponseId: ws.id, actorId: user.id, at, kind: "submitted", detail: row.reference } });
      return { ok: true, reference: row.reference, receiptKey: receiptKey(row.reference) } as const;
    });
  } catch (e) {
    // The partial unique index: another official response for this country went in first.
    if ((e as { code?: string; meta?: { code?: string } }).code === "P2010" || String((e as Error).message).includes("response_official_once_idx")) {
      return { ok: false, reason: "locked" };
    }
    throw e;
  }
}
