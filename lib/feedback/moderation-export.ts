// The moderators' export once the role is checked (export-request.ts): the
// queue's filters, one stream at a time per account on the staff connections,
// logged in export_event (who, when, which filter, how many rows).
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getConsultationFor } from "@/lib/consultations/get-consultation";
import { claimExportSlot, exportBody, exportResponse, releaseSlot } from "@/lib/http/export-stream";
import { XLSX_CONTENT_TYPE } from "@/lib/reports/xlsx-content-type";
import { openFeedbackExport } from "./export-feedback";
import { parseQueueFilter, type TQueueFilter } from "./queue-filter";
import { filterSql, QUEUE_FROM_SQL } from "./filter-sql";

async function countFiltered(consultationId: string, filter: TQueueFilter): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM ${QUEUE_FROM_SQL}
    WHERE ${filterSql(consultationId, filter)}`;
  return Number(rows[0].n);
}

/** The export for a signed-in moderator (checked by the caller): one stream at a time per account, on the staff connections. */
export async function moderationExport(
  user: { id: string; role: string },
  request: Request,
  slug: string,
): Promise<Response> {
  // A hidden draft: admins only; a moderator is answered as for an unknown slug.
  const c = await getConsultationFor(user, slug);
  if (!c)
    return Response.json({ error: { code: "not_found", message: "No consultation has this slug." } }, { status: 404 });

  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "jsonl" && format !== "xlsx")
    return Response.json({ error: { code: "invalid", message: "format is csv, jsonl or xlsx" } }, { status: 400 });
  // The queue's filters, from the same URL parameters (values that do not parse are ignored, as in the queue).
  const kind = url.searchParams.get("what") === "audit" ? "audit" : "feedback";
  if (format === "xlsx" && kind === "audit")
    return Response.json({ error: { code: "invalid", message: "the audit log is csv or jsonl" } }, { status: 400 });
  const filter = kind === "audit" ? {} : parseQueueFilter(url.searchParams);
  if (filter.clause && !c.clauses.some((k) => k.key === filter.clause)) {
    return Response.json({ error: { code: "invalid", message: "unknown clause" } }, { status: 400 });
  }

  // The number of rows to come, so the page can show the download's progress.
  const rowCount = kind === "audit" ? null : await countFiltered(c.id, filter);
  const claim = await claimExportSlot("staff", `account:${user.id}`);
  if (!claim.ok) {
    return Response.json(
      { error: { code: claim.code, message: claim.message } },
      { status: claim.status, headers: { "Retry-After": String(claim.retryAfterSeconds) } },
    );
  }
  const event = await db.exportEvent
    .create({ data: { userId: user.id, consultationId: c.id, format, filter: { ...filter, what: kind } } })
    .catch(async (e) => {
      await releaseSlot(claim.slot);
      throw e;
    });
  const stamp = now().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const headers = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...(rowCount === null ? {} : { "X-Row-Count": String(rowCount) }),
  };
  // The workbook: the same items on the same cursor, with the overview's sheets (lib/reports/consultation-workbook.ts).
  // Its module (and exceljs) is loaded with the first workbook, not with every CSV export.
  const lang = url.searchParams.get("lang") === "fr" ? "fr" : "en";
  const opened =
    format === "xlsx"
      ? await import("@/lib/reports/consultation-workbook")
          .then(({ openConsultationWorkbook }) => openConsultationWorkbook(claim.slot, c, filter, lang, now()))
          .catch(async (e) => {
            await releaseSlot(claim.slot);
            throw e;
          })
      : openFeedbackExport(claim.slot, c.id, filter, format, kind);
  const { stream, done } = opened;
  done
    .then((rowCount) => db.exportEvent.update({ where: { id: event.id }, data: { finishedAt: now(), rowCount } }))
    .catch((err) => console.error(`[export] ${event.id} failed:`, err?.message ?? err));

  if (format === "xlsx")
    return new Response(exportBody(stream), {
      headers: {
        "content-type": XLSX_CONTENT_TYPE,
        "content-disposition": `attachment; filename="${c.slug}-workbook-${stamp}.xlsx"`,
        ...headers,
      },
    });
  return exportResponse(stream, format, `${c.slug}-${kind}-${stamp}.${format}`, headers);
}
