// Stores one response: the deadline check, the reference and every feedback
// item are one SQL statement (write-responses.ts, which writes the responses
// arriving together in one statement), so a response is whole or absent. The
// idempotency key is stored with a hash of the request (idempotency.ts): a
// replay of the same request returns the first response's reference, the same
// key with another request is refused ("key_reused") and learns nothing. With
// an email address (and SMTP), the same statement queues its email receipt.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { consultationStatus } from "@/lib/consultations/consultation-status";
import type { TLocale } from "@/lib/i18n/routing";
import { receiptKey } from "./receipt-key";
import { mailConfigured } from "@/lib/mail/send-mail";
import { hashToken, newToken } from "@/lib/security/token";
import { ipHash } from "@/lib/security/ip-hash";
import { newIdempotencyKey, requestHash } from "./idempotency";
import type { TIssue, TResponseInput } from "./schema";
import { writeResponse, writeResponseIn } from "./write-responses";
import type { TCheckedAttachment } from "@/lib/attachments/check-attachments";
import { storeAttachmentsIn } from "@/lib/attachments/store-attachments";
import { withLanguages } from "./text-language";

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
  meta: {
    locale: TLocale;
    channel: "web" | "api" | "staff";
    clientIp?: string;
    keyedIn?: { by: string; receivedOn: string };
    /** Files already checked (lib/attachments/check-attachments.ts): stored in the response's transaction. */
    attachments?: TCheckedAttachment[];
  },
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
  const inExtension =
    !!original && (keyed ? keyed.receivedOn > dayIn(original, consultation.timeZone) : at >= original);

  const clauseIds = new Map(consultation.clauses.map((c) => [c.key, c.id]));
  const issues: TIssue[] = [];
  input.feedback.forEach((f, i) => {
    if (!clauseIds.has(f.clause)) issues.push({ path: ["feedback", i, "clause"], key: "unknownClause" });
  });
  if (issues.length) return { ok: false, reason: "invalid", issues };

  // Each item's language (for its search vector): its own words, else the response's, else the form's.
  const items = withLanguages(toItems(input, clauseIds), meta.locale);
  const r = input.respondent;
  const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey();
  const hash = requestHash(
    consultation.id,
    input,
    keyed?.receivedOn,
    (meta.attachments ?? []).map((f) => f.sha256),
  );
  const year = yearFormat(consultation.timeZone).format(at);
  // With an email address (and a mail server), a private link to change or withdraw the response.
  const wantsReceipt = !!r.email && mailConfigured();
  const manageToken = wantsReceipt ? newToken() : null;

  const row: Parameters<typeof writeResponse>[0] = {
    consultation_id: consultation.id,
    at,
    in_time: receivedInTime,
    year,
    idempotency_key: idempotencyKey,
    locale: meta.locale,
    channel: meta.channel,
    respondent_type: r.type,
    country: r.country,
    organisation_name: r.organisationName ?? null,
    respondent_name: r.name ?? null,
    public_sector: r.publicSector,
    email: r.email ?? null,
    publication: r.publication,
    manage_token_hash: manageToken ? hashToken(manageToken) : null,
    ip_hash: ipHash(meta.clientIp),
    in_extension: inExtension,
    keyed_by_id: keyed?.by ?? null,
    received_on: keyed?.receivedOn ?? null,
    request_hash: hash,
    manage_token: manageToken,
    notify_results: !!r.notifyResults && !!r.email,
    items,
  };
  // With files, the response and its files are one transaction (whole or absent); without, the batched writer.
  const files = meta.attachments ?? [];
  const stored = files.length
    ? await db.$transaction(async (tx) => {
        const one = await writeResponseIn(tx, row);
        if (one) await storeAttachmentsIn(tx, one.id, files);
        return one;
      })
    : await writeResponse(row);

  if (stored) {
    const reference = stored.reference;
    // The receipt was queued by the same statement (write-responses.ts): a server's worker sends it now.
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
  // Every item has every field (absent ones null), written out: one object shape, cheap on the busiest path.
  const item = (
    clause_id: string | null,
    aspect: TItem["aspect"],
    fields: { rating?: number; comment?: string; term?: string; proposedWording?: string; countryContext?: string },
  ): TItem => ({
    clause_id,
    aspect,
    position: items.length,
    rating: fields.rating ?? null,
    comment: fields.comment ?? null,
    term: fields.term ?? null,
    proposed_wording: fields.proposedWording ?? null,
    country_context: fields.countryContext ?? null,
  });
  for (const f of input.feedback) {
    const clause_id = clauseIds.get(f.clause)!;
    const { clarity: cl, language: la, feasibility: fe } = f;
    if (cl && (cl.rating || cl.comment)) items.push(item(clause_id, "clarity", cl));
    if (la && la.term)
      items.push(
        item(clause_id, "language", { term: la.term, proposedWording: la.proposedWording, comment: la.reason }),
      );
    if (fe && (fe.rating || fe.countryContext || fe.comment)) items.push(item(clause_id, "feasibility", fe));
  }
  if (input.generalComment) items.push(item(null, "general", { comment: input.generalComment }));
  return items;
}
