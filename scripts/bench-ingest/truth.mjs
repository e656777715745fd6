// bench:ingest's truth check: the rows in `response` for this run (its keys
// start with bench-<run>-) against the 201s (API) and 303s (form) the app
// returned, phase by phase: each accepted response stored exactly once, with
// its feedback items.
import pg from "pg";
import { ITEMS_PER_RESPONSE } from "./payload.mjs";

/** Each phase's figures carry `phase`, the letter its keys use (w, f, m, o). */
export async function truthCheck(databaseUrl, runId, api, form) {
  const sum = (phases, f) => phases.reduce((n, p) => n + f(p), 0);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (pattern) => ({
      rows: Number(
        (await client.query("SELECT count(*) AS n FROM response WHERE idempotency_key LIKE $1", [pattern])).rows[0].n,
      ),
      items: Number(
        (
          await client.query(
            "SELECT count(*) AS n FROM feedback_item f JOIN response r ON r.id = f.response_id WHERE r.idempotency_key LIKE $1",
            [pattern],
          )
        ).rows[0].n,
      ),
    });
    const a = await count(`bench-${runId}-api-%`);
    const f = await count(`bench-${runId}-form-%`);
    const returned201 = sum(api, (p) => p.status201);
    const returned303 = sum(form, (p) => p.ok2xx);
    const rows = a.rows + f.rows;
    // Phase by phase (the key's phase letter): a phase whose client gave up on nothing must match exactly.
    const phases = {};
    for (const p of api) {
      const stored = (await count(`bench-${runId}-api-${p.phase}%`)).rows;
      phases[p.phase] = {
        rows: stored,
        returned201: p.status201,
        ok: stored === p.status201,
        clientGaveUp: p.errorCount,
      };
    }
    return {
      phases,
      returned201,
      returned303,
      apiRows: a.rows,
      formRows: f.rows,
      ok: a.rows === returned201 && f.rows === returned303,
      feedbackItems: a.items + f.items,
      expectedItems: rows * ITEMS_PER_RESPONSE,
      itemsOk: a.items + f.items === rows * ITEMS_PER_RESPONSE,
      clientErrorsAndTimeouts: sum([...api, ...form], (p) => p.errorCount),
    };
  } finally {
    await client.end();
  }
}

/** The truth check's lines of the report. */
export function printTruth(truth) {
  console.log(
    `\n== truth check: API ${truth.apiRows} rows for ${truth.returned201} 201s, form ${truth.formRows} rows for ${truth.returned303} 303s → ${truth.ok ? "OK" : "MISMATCH"}` +
      (truth.ok || !truth.clientErrorsAndTimeouts
        ? ""
        : ` (the client gave up on ${truth.clientErrorsAndTimeouts} requests, which the server may still have stored)`),
  );
  console.log(
    `   by phase: ${Object.entries(truth.phases)
      .map(([k, v]) => `${k} ${v.rows}/${v.returned201}${v.ok ? "" : " MISMATCH"}`)
      .join(", ")} (w warm-up, f fixed rate, m max, o overload)`,
  );
  console.log(
    `   feedback items: ${truth.feedbackItems}, expected ${truth.expectedItems} (${ITEMS_PER_RESPONSE} per response) → ${truth.itemsOk ? "OK" : "MISMATCH"}`,
  );
}
