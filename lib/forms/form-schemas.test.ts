// The forms' schemas answer malformed input with message keys the form can show (in both languages), never a
// throw: what a Server Action on formAction() sends back beside each field.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { ZErasure, ZRetention } from "@/lib/privacy/schema";
import { ZFormalExtension, ZReopenFormal, ZSubmitFormal } from "@/lib/formal/schema";
import { ZLifecycle, ZRedraft } from "@/lib/drafting/schema";
import { ZCampaignStatus, ZFindCampaigns, ZMergeCampaigns, ZRemoveFromCampaign } from "@/lib/campaigns/schema";
import { ZAccountChange, ZUnlockSignIn } from "@/lib/users/account-schema";
import { ZWithdraw } from "@/lib/responses/form-schemas";
import { ZForgotPassword, ZResetPassword, ZSendPasswordReset } from "@/lib/password-resets/schema";
import { ZDecideReport, ZReportComment } from "@/lib/comment-reports/schema";

type TMessages = Record<string, Record<string, unknown>>;
// What a form sends: an object of strings (a field missing, a value too long or of the wrong kind).
const GARBAGE: unknown[] = [
  {},
  { slug: "x".repeat(500), id: ["a"], reference: 42, days: "abc", intent: "drop", country: "ZZ", ids: "a" },
];

const cases: [string, z.ZodType, string[]][] = [
  ["erasure", ZErasure, ["privacyAdmin"]],
  ["retention", ZRetention, ["privacyAdmin"]],
  ["formal extension", ZFormalExtension, ["formal"]],
  ["formal reopening", ZReopenFormal, ["formal"]],
  ["formal submission", ZSubmitFormal, ["delegation"]],
  ["lifecycle", ZLifecycle, ["authoring"]],
  ["new version", ZRedraft, ["authoring"]],
  ["campaign status", ZCampaignStatus, ["triage"]],
  ["find campaigns", ZFindCampaigns, ["triage"]],
  ["merging campaigns", ZMergeCampaigns, ["campaigns", "triage"]],
  ["removing from a campaign", ZRemoveFromCampaign, ["campaigns", "triage"]],
  ["account change", ZAccountChange, ["accounts"]],
  ["unlocking", ZUnlockSignIn, ["accounts"]],
  ["withdrawal", ZWithdraw, ["manage"]],
  ["forgotten password", ZForgotPassword, ["reset"]],
  ["new password", ZResetPassword, ["reset"]],
  ["sending a password reset", ZSendPasswordReset, ["reset"]],
  ["reporting a comment", ZReportComment, ["commentReports"]],
  ["deciding on a comment's reports", ZDecideReport, ["commentReports"]],
];

describe("the forms' schemas on malformed input", () => {
  it.each(cases)("%s: every error is a message of the form, in English and French", (_, schema, namespaces) => {
    for (const input of GARBAGE) {
      const r = schema.safeParse(input);
      for (const issue of r.success ? [] : r.error.issues) {
        for (const messages of [en, fr] as TMessages[]) {
          expect(
            namespaces.some((ns) => typeof messages[ns]?.[issue.message] === "string"),
            `${issue.message} (${issue.path.join(".")})`,
          ).toBe(true);
        }
      }
    }
  });

  it("gives the privacy, formal and lifecycle forms the same errors they gave when checked by hand", () => {
    const keys = (schema: z.ZodType, input: unknown) => {
      const r = schema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(keys(ZErasure, { reference: "  " })).toEqual([
      ["reference", "referenceRequired"],
      ["requested", "confirmRequired"],
    ]);
    expect(keys(ZRetention, { days: "3651" })).toEqual([["days", "daysInvalid"]]);
    expect(ZRetention.parse({ days: "", publishFormal: "yes" })).toMatchObject({ days: null, publishFormal: true });
    expect(keys(ZFormalExtension, { country: "ZZ", until: "tomorrow", reason: " " })).toEqual([
      ["country", "countryRequired"],
      ["until", "untilInvalid"],
      ["reason", "reasonRequired"],
    ]);
    expect(keys(ZReopenFormal, { id: "1; DROP TABLE" })).toEqual([["id", "notSubmitted"]]);
    expect(ZSubmitFormal.parse({ confirm: "yes", version: "abc" })).toMatchObject({ version: -1, locale: "en" });
    expect(keys(ZLifecycle, { intent: "drop" })).toEqual([["intent", "forbidden"]]);
    expect(ZAccountChange.parse({ id: "u", role: "superuser", active: "no" })).toEqual({
      id: "u",
      role: undefined,
      delegationRole: undefined,
      active: false,
    });
  });
});
