// Stores one response: the deadline check, the reference and every feedback
// item are one SQL statement, so a response is whole or absent. The
// idempotency key is stored with a hash of the request (idempotency.ts): a
// replay of the same request returns the first response's reference, the same
// key with another request is refused ("key_reused") and learns nothing. With
// an email address (and SMTP), the same statement queues its email receipt.
import { db, getPool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { consultationStatus } from "@/lib/consultations/consultation-status";
import type { TLocale } from "@/lib/i18n/routing";
import { receiptKey } from "./receipt-key";
import { mailConfigured } from "@/lib/mail/send-mail";
import { hashToken, newToken } from "@/lib/security/token";
import { ipHash } from "@/lib/security/ip-hash";
import { deliverReceiptSoon } from "./deliver-receipts";
import { newIdempotencyKey, requestHash } from "./idempotency";
import type { TIssue, TResponseInput } from "./schema";

export type TSubmitResult =
  | { ok: true; reference: string; receiptKey: string; replayed: boolean }
  | { ok: false; reason: "not_found" }
  /** The key was used before with another request (or by a response stored before keys were bound to requests). */
  | { ok: false; reason: "key_reused" }
  | { ok: false; reason: "closed"; closesAt: Date }
  | { ok: false; reason: "not_open"; opensAt: Date }
  | { ok: false; reason: "invalid"; issues: TIssue[] };

export type TItem = {
  clause_id: string | null;
  aspect: "clarity" | "language" | "feasibility" | "general";
  position: number;
  rating: number | null;
  comment: string | null;
  term: string | null;
  proposed_wording: string | null;
  country_context: string | null;
};

export async function submitResponse(
  slug: string,
  input: TResponseInput,
  meta: { locale: TLocale; channel: "web" | "api" | "staff"; clientIp?: string; keyedIn?: { by: string; receivedOn: string } },
): Promise<TSubmitResult> {
  const consultation = await getConsultation(slug);
  if (!consultation || !consultation.publishedAt) return { ok: false, reason: "not_found" };
  const at = now();
  const status = consultationStatus(consultation, at);
  // A response keyed in by staff counts by the day it was received: before the deadline, it may be keyed in after.
  const keyed = meta.channel === "staff" ? meta.keyedIn : undefined;
  const receivedInTime = keyed ? keyed.receivedOn <= dayIn(consultation.closesAt, consultation.timeZone) : false;
  if (status === "closed" && !receivedInTime) return { ok: false, reason: "closed", closesAt: consultation.closesAt };
  if (status === "upcoming") return { ok: false, reason: "not_open", opensAt: consultation.opensAt };
  const original = consultation.originalClosesAt;
  const inExtension = !!original && (keyed ? keyed.receivedOn > dayIn(original, consultation.timeZone) : at >= original);

  const clauseIds = new Map(consultation.clauses.map((c) => [c.key, c.id]));
  const issues: TIssue[] = [];
  input.feedback.forEach((f, i) => {
    if (!clauseIds.has(f.clause)) issues.push({ path: ["feedback", i, "clause"], key: "unknownClause" });
  });
  if (issues.length) return { ok: false, reason: "invalid", issues };

  const items = toItems(input, clauseIds);
  const r = input.respondent;
  const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey();
  const hash = requestHash(consultation.id, input, keyed?.receivedOn);
  const year = yearFormat(consultation.timeZone).format(at);
  // With an email address (and a mail server), a private link to change or withdraw the response.
  const wantsReceipt = !!r.email && mailConfigured();
  const manageToken = wantsReceipt ? newToken() : null;

  // Every parameter has an explicit type: a named statement is planned once per connection, without Prisma's types.
  const statement = Prisma.sql`
    WITH c AS (
      SELECT id, reference_prefix FROM consultation
      WHERE id = ${consultation.id}::uuid AND published_at IS NOT NULL AND opens_at <= ${at}::timestamptz AND (closes_at > ${at}::timestamptz OR ${receivedInTime}::boolean)
    ), n AS (
      SELECT nextval(pg_get_serial_sequence('response', 'number')) AS num FROM c
    ), r AS (
      INSERT INTO response (consultation_id, number, reference, idempotency_key, submitted_at, locale, channel,
        respondent_type, country, organisation_name, respondent_name, public_sector, email, publication, privacy_consent_at,
        manage_token_hash, ip_hash, in_extension, keyed_by_id, received_on, request_hash)
      SELECT c.id, n.num,
        c.reference_prefix || '-' || ${year}::text || '-' || lpad(n.num::text, greatest(6, length(n.num::text)), '0'),
        ${idempotencyKey}::text, ${at}::timestamptz, ${meta.locale}::text, ${meta.channel}::text,
        ${r.type}::respondent_type, ${r.country}::text, ${r.organisationName ?? null}::text, ${r.name ?? null}::text, ${r.publicSector}::boolean,
        ${r.email ?? null}::text, ${r.publication}::publication, ${at}::timestamptz,
        ${manageToken ? hashToken(manageToken) : null}::text, ${ipHash(meta.clientIp)}::text, ${inExtension}::boolean,
        ${keyed?.by ?? null}::uuid, ${keyed?.receivedOn ?? null}::date, ${hash}::text
      FROM c, n
      ON CONFLICT (consultation_id, idempotency_key) DO NOTHING
      RETURNING id, reference
    ), i AS (
      INSERT INTO feedback_item (response_id, clause_id, aspect, position, rating, comment, term, proposed_wording, country_context)
      SELECT r.id, x.clause_id, x.aspect, x.position, x.rating, x.comment, x.term, x.proposed_wording, x.country_context
      FROM r, jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(clause_id uuid, aspect feedback_aspect,
        position int, rating smallint, comment text, term text, proposed_wording text, country_context text)
    ), o AS (
      INSERT INTO receipt_outbox (response_id, manage_token, next_attempt_at) SELECT r.id, ${manageToken}::text, ${at}::timestamptz FROM r WHERE ${wantsReceipt}::boolean
    )
    SELECT id, reference FROM r`;
  const inserted = (await getPool().query<{ id: string; reference: string }>({ name: "submit-response-v1", text: statement.text, values: statement.values })).rows;

  if (inserted.length === 1) {
    const reference = inserted[0].reference;
    // Not awaited: the receipt page does not wait for the mail server. A failure is retried from the outbox.
    if (wantsReceipt) deliverReceiptSoon(inserted[0].id);
    return { ok: true, reference, receiptKey: receiptKey(reference), replayed: false };
  }
  // Nothing inserted: either this key was used before (a double submit or a
  // retry; a concurrent insert with the key has committed by now: the unique
  // index made this one wait for it), or the deadline passed between the check
  // above and the insert. Only the very same request gets the first answer; a
  // row without a hash (stored before keys were bound, or erased) matches none.
  const existing = await db.response.findUnique({
    where: { consultationId_idempotencyKey: { consultationId: consultation.id, idempotencyKey } },
    select: { reference: true, requestHash: true },
  });
  if (existing && existing.requestHash === hash) {
    return { ok: true, reference: existing.reference, receiptKey: receiptKey(existing.reference), replayed: true };
  }
  if (existing) return { ok: false, reason: "key_reused" };
  return { ok: false, reason: "closed", closesAt: consultation.closesAt };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  return f.format(instant);
}

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** Making an Intl.DateTimeFormat costs more than the rest of a request's validation: keep one per time zone. */
export function yearFormat(timeZone: string): Intl.DateTimeFormat {
  let f = yearFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en", { timeZone, year: "numeric" });
    yearFormats.set(timeZone, f);
  }
  return f;
}

export function toItems(input: TResponseInput, clauseIds: Map<string, string>): TItem[] {
  const items: TItem[] = [];
  const blank = { rating: null, comment: null, term: null, proposed_wording: null, country_context: null };
  for (const f of input.feedback) {
    const clause_id = clauseIds.get(f.clause)!;
    const { clarity: cl, language: la, feasibility: fe } = f;
    if (cl && (cl.rating || cl.comment)) {
      items.push({ ...blank, clause_id, aspect: "clarity", position: items.length, rating: cl.rating ?? null, comment: cl.comment ?? null });
    }
    if (la && la.term) {
      items.push({ ...blank, clause_id, aspect: "language", position: items.length, term: la.term, proposed_wording: la.proposedWording ?? null, comment: la.reason ?? null });
    }
    if (fe && (fe.rating || fe.countryContext || fe.comment)) {
      items.push({ ...blank, clause_id, aspect: "feasibility", position: items.length, rating: fe.rating ?? null, country_context: fe.countryContext ?? null, comment: fe.comment ?? null });
    }
  }
  if (input.generalComment) items.push({ ...blank, clause_id: null, aspect: "general", position: items.length, comment: input.generalComment });
  return items;
}
