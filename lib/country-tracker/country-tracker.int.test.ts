import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setNow } from "@/lib/clock";
import { getConsultation } from "@/lib/consultations/get-consultation";
import { mailSink } from "@/test/mail-sink";
import { runJobs } from "@/test/run-jobs";
import { createConsultation, delegate, respondent, staff, uniqueSlug } from "@/test/db-fixtures";
import { saveDraft } from "@/lib/formal/save-draft";
import { getWorkspace } from "@/lib/formal/get-workspace";
import { grantExtension } from "@/lib/formal/grant-extension";
import { reopenFormal } from "@/lib/formal/reopen-formal";
import { submitFormal } from "@/lib/formal/submit-formal";
import { ZFormalDraft } from "@/lib/formal/schema";
import { publishResults } from "@/lib/drafting/lifecycle";
import { submitResponse } from "@/lib/responses/submit-response";
import { ZResponseInput } from "@/lib/responses/schema";
import { listTracker } from "./list-tracker";
import { markReady } from "./mark-ready";
import { remindByHand, sendDueReminders } from "./send-reminders";
import { setExpectedCountries } from "./expected-countries";
import { notifyResults } from "./notify-results";
import { trackerCsv } from "./export-tracker";

// Before anything reads the environment: this file's app sends mail to the sink.
const sink = await mailSink();
process.env.SMTP_URL = sink.url;
afterAll(() => sink.stop());
afterEach(() => setNow(null));

const DAY = 86_400_000;
const draft = (version: number, statement = "We welcome it.") =>
  ZFormalDraft.parse({ version: String(version), statement, positions: { "1": { stance: "support" } } });
const mailsTo = (to: string) => sink.messages.filter((m) => m.to.includes(to.toLowerCase()));
const stateOf = async (consultationId: string, country: string) =>
  (await listTracker(consultationId)).find((r) => r.country === country)?.state;

describe("the country tracker", () => {
  it("follows a country from not invited to submitted and reopened, with the date of its last change", async () => {
    const c = await createConsultation();
    const consultation = (await getConsultation(c.slug))!;
    const admin = await staff("admin");
    await setExpectedCountries(admin.id, consultation, ["IS", "LU"]);
    expect(await stateOf(c.id, "IS")).toBe("notInvited");
    expect((await listTracker(c.id)).find((r) => r.country === "IS")).toMatchObject({
      expected: true,
      lastChange: null,
    });

    await db.invitation.create({
      data: {
        email: `${uniqueSlug("inv")}@example.org`,
        name: "Invited",
        role: "delegate",
        country: "IS",
        delegationRole: "drafter",
        tokenHash: "a".repeat(64),
        invitedById: admin.id,
        expiresAt: new Date(Date.now() + 7 * DAY),
      },
    });
    expect(await stateOf(c.id, "IS")).toBe("invited");
    const drafter = await delegate("IS", "drafter");
    const approver = await delegate("IS", "approver");
    expect(await stateOf(c.id, "IS")).toBe("accepted");
    await getWorkspace(c.id, "IS"); // a visit makes the workspace: still only accepted
    expect(await stateOf(c.id, "IS")).toBe("accepted");
    expect(await saveDraft(drafter, consultation, draft(1))).toMatchObject({ ok: true, version: 2 });
    expect(await stateOf(c.id, "IS")).toBe("drafting");
    expect(await markReady(drafter, consultation, 2)).toEqual({ ok: true, approvers: 1 });
    expect(await stateOf(c.id, "IS")).toBe("ready");
    expect(await submitFormal(approver, consultation, 2, "en")).toMatchObject({ ok: true });
    expect(await stateOf(c.id, "IS")).toBe("submitted");
    const ws = await getWorkspace(c.id, "IS");
    const mod = await staff("moderator");
    expect(await reopenFormal(mod.id, ws.id, "Please attach the letter")).toEqual({ ok: true });
    const row = (await listTracker(c.id)).find((r) => r.country === "IS")!;
    expect(row.state).toBe("reopened");
    expect(row.lastChange?.getTime()).toBe((await getWorkspace(c.id, "IS")).events[0].at.getTime());
    // The filter, and the expected country with no delegation.
    expect((await listTracker(c.id, "notInvited")).map((r) => r.country)).toContain("LU");
    expect((await listTracker(c.id, "notInvited")).map((r) => r.country)).not.toContain("IS");
  });

  it("gives the tracker as CSV (UTF-8 with a BOM, ISO times), filtered by state", async () => {
    const c = await createConsultation();
    const admin = await staff("admin");
    await setExpectedCountries(admin.id, c, ["EE", "SI"]);
    await delegate("SI", "drafter");
    const res = await trackerCsv(c);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${c.slug}-countries.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe("country,country_name,expected,state,last_change,members,extended_until");
    expect(lines).toContain("EE,Estonia,true,notInvited,,0,");
    expect(lines.find((l) => l.startsWith("SI,"))).toMatch(/^SI,Slovenia,true,accepted,,1,$/);
    const only = await (await trackerCsv(c, "accepted")).text();
    expect(only).toContain("SI,Slovenia");
    expect(only).not.toContain("EE,Estonia");
  });
});

describe("ready for approval", () => {
  it("emails the country's approvers once, shows who asked and when, and a later save clears it", async () => {
    const c = await createConsultation();
    const consultation = (await getConsultation(c.slug))!;
    const drafter = await delegate("NZ", "drafter", "Nia Drafter");
    const approver = await delegate("NZ", "approver");
    const otherCountry = await delegate("AU", "approver");
    await getWorkspace(c.id, "NZ");
    await saveDraft(drafter, consultation, draft(1));
    const at = new Date(Date.now() + 60_000);
    setNow(at);
    expect(await markReady(drafter, consultation, 1)).toEqual({ ok: false, reason: "stale" });
    expect(await markReady(drafter, consultation, 2)).toEqual({ ok: true, approvers: 1 });
    expect(await markReady(drafter, consultation, 2)).toEqual({ ok: false, reason: "alreadyReady" });
    const ws = await getWorkspace(c.id, "NZ");
    expect(ws.readyAt?.getTime()).toBe(at.getTime());
    expect(ws.readyBy?.name).toBe("Nia Drafter");
    expect(ws.events[0]).toMatchObject({ kind: "ready", actor: { name: "Nia Drafter" } });
    await runJobs();
    const mail = await sink.waitFor(approver.email);
    expect(mail.subject).toContain("New Zealand: the formal response is ready for approval");
    expect(mail.text).toContain(`/en/delegation/${c.slug}#submit`);
    expect(mail.text).toContain(`/fr/delegation/${c.slug}#submit`);
    expect(mailsTo(approver.email)).toHaveLength(1);
    expect(mailsTo(drafter.email)).toHaveLength(0);
    expect(mailsTo(otherCountry.email)).toHaveLength(0);

    expect(await saveDraft(drafter, consultation, draft(2, "Changed after asking."))).toMatchObject({ ok: true });
    const after = await getWorkspace(c.id, "NZ");
    expect(after.readyAt).toBeNull();
    expect(await stateOf(c.id, "NZ")).toBe("drafting");
  });

  it("is refused to staff and once the response is submitted", async () => {
    const c = await createConsultation();
    const consultation = (await getConsultation(c.slug))!;
    expect(await markReady(await staff("admin"), consultation, 1)).toEqual({ ok: false, reason: "forbidden" });
    const approver = await delegate("CL", "approver");
    await getWorkspace(c.id, "CL");
    await saveDraft(approver, consultation, draft(1));
    expect(await submitFormal(approver, consultation, 2, "en")).toMatchObject({ ok: true });
    expect(await markReady(approver, consultation, 3)).toEqual({ ok: false, reason: "locked" });
  });
});

describe("deadline reminders", () => {
  it("are sent once 7 days and once 1 day before the country's own (extended) deadline, never after submission", async () => {
    const closesAt = new Date(Date.now() + 30 * DAY);
    const c = await createConsultation({ closesAt });
    const admin = await staff("admin");
    const drafterKR = await delegate("KR", "drafter");
    const approverKR = await delegate("KR", "approver");
    const drafterMX = await delegate("MX", "drafter");
    // Mexico has 10 more days.
    const extended = new Date(closesAt.getTime() + 10 * DAY);
    expect(await grantExtension(admin.id, c, "MX", extended, "Elections")).toEqual({ ok: true });

    setNow(new Date(closesAt.getTime() - 8 * DAY)); // nothing due yet
    await sendDueReminders();
    expect(await db.formalReminder.count({ where: { consultationId: c.id } })).toBe(0);

    setNow(new Date(closesAt.getTime() - 7 * DAY + 60_000));
    await sendDueReminders();
    await sendDueReminders(); // the next hour: nothing twice
    await runJobs();
    const kinds = async () =>
      (
        await db.formalReminder.findMany({
          where: { consultationId: c.id, country: { in: ["KR", "MX"] } },
          orderBy: [{ country: "asc" }, { kind: "asc" }],
        })
      ).map((r) => `${r.country} ${r.kind}`);
    expect(await kinds()).toEqual(["KR 7d"]);
    const first = await sink.waitFor(drafterKR.email);
    expect(first.subject).toContain("Korea");
    expect(first.text).toContain("7 days left");
    await sink.waitFor(approverKR.email);
    expect(mailsTo(drafterMX.email)).toHaveLength(0);

    setNow(new Date(closesAt.getTime() - DAY + 60_000));
    await sendDueReminders();
    await sendDueReminders();
    await runJobs();
    expect(await kinds()).toEqual(["KR 1d", "KR 7d"]);
    await expect.poll(() => mailsTo(drafterKR.email).length).toBe(2);
    expect(mailsTo(drafterMX.email)).toHaveLength(0);

    // Mexico's own deadline: 7 days before it (after the consultation's has passed).
    setNow(new Date(extended.getTime() - 7 * DAY + 60_000));
    await sendDueReminders();
    await runJobs();
    expect(await kinds()).toEqual(["KR 1d", "KR 7d", "MX 7d"]);
    await expect.poll(() => mailsTo(drafterMX.email).length).toBe(1);
    expect(mailsTo(drafterKR.email)).toHaveLength(2);

    // Submitted: no 1-day reminder.
    const consultation = (await getConsultation(c.slug))!;
    const approverMX = await delegate("MX", "approver");
    await getWorkspace(c.id, "MX");
    await saveDraft(approverMX, consultation, draft(1));
    expect(await submitFormal(approverMX, consultation, 2, "en")).toMatchObject({ ok: true });
    setNow(new Date(extended.getTime() - DAY + 60_000));
    await sendDueReminders();
    expect(await kinds()).toEqual(["KR 1d", "KR 7d", "MX 7d"]);
  });

  it("can be sent by an admin by hand, logged in the admin log", async () => {
    const c = await createConsultation({ closesAt: new Date(Date.now() + 20 * DAY) });
    const admin = await staff("admin");
    const d = await delegate("CR", "drafter");
    expect(await remindByHand(admin.id, c, "CR")).toEqual({ ok: true, members: 1 });
    expect(await remindByHand(admin.id, c, "GT")).toEqual({ ok: false, reason: "noMembers" });
    await runJobs();
    expect((await sink.waitFor(d.email)).subject).toContain("Costa Rica");
    expect(
      await db.adminEvent.count({ where: { actorId: admin.id, action: "tracker.remind", target: `${c.slug} CR` } }),
    ).toBe(1);
    // Not one of the scheduled ones.
    expect(await db.formalReminder.count({ where: { consultationId: c.id } })).toBe(0);
  });
});

describe("tell me when the results are published", () => {
  it("emails the results' link once to respondents who asked and gave an address", async () => {
    const c = await createConsultation({ closesAt: new Date(Date.now() + 60_000) });
    const send = async (email: string | undefined, notifyResults: boolean | undefined, locale: "en" | "fr") => {
      const r = await submitResponse(
        c.slug,
        ZResponseInput.parse({
          generalComment: "A comment.",
          respondent: { ...respondent, ...(email ? { email } : {}), ...(notifyResults ? { notifyResults } : {}) },
        }),
        { locale, channel: "web" },
      );
      if (!r.ok) throw new Error("not stored");
      return r.reference;
    };
    const asked = `${uniqueSlug("asked")}@example.org`;
    const askedFr = `${uniqueSlug("askedfr")}@example.org`;
    const notAsked = `${uniqueSlug("notasked")}@example.org`;
    await send(asked, true, "en");
    await send(askedFr, true, "fr");
    await send(notAsked, undefined, "en");
    await send(undefined, true, "en"); // no address: nothing to send, nothing stored as asked
    expect(await db.response.count({ where: { consultationId: c.id, notifyResults: true } })).toBe(2);
    await runJobs(); // the receipts
    const admin = await staff("admin");
    setNow(new Date(Date.now() + 120_000));
    expect(await publishResults(admin.id, c.id)).toEqual({ ok: true });
    await runJobs(); // the results copy and the notices
    await runJobs();
    const results = (to: string) =>
      mailsTo(to).filter((m) => /^R.sultats publi.s|^Results published/.test(m.mail.subject ?? ""));
    await expect.poll(() => results(asked).length).toBe(1);
    await expect.poll(() => results(askedFr).length).toBe(1);
    const [mail] = results(asked);
    expect(mail.mail.subject).toBe("Results published: Test");
    expect(mail.mail.text).toContain(`/en/c/${c.slug}/results`);
    expect(results(askedFr)[0].mail.subject).toBe("Résultats publiés\u202f: Test");
    expect(results(askedFr)[0].mail.text).toContain(`/fr/c/${c.slug}/results`);
    // Publishing again, or the task running again, sends nobody a second one.
    expect(await publishResults(admin.id, c.id)).toEqual({ ok: true });
    expect(await notifyResults({ consultationId: c.id })).toBe(0);
    await runJobs();
    expect(results(asked)).toHaveLength(1);
    expect(results(notAsked)).toHaveLength(0);
  });
});
