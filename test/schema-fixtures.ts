// Shared by the schema's unit tests.
import { expect } from "vitest";
import { ZResponseInput, toIssues, type TIssue } from "@/lib/responses/schema";

export const respondent = {
  type: "individual",
  country: "FR",
  publicSector: false,
  publication: "none",
  privacyConsent: true,
};

/** The issues of an input that must not parse. */
export function issuesOf(input: unknown): TIssue[] {
  const r = ZResponseInput.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : toIssues(r.error);
}

export function withRespondent(
  patch: Record<string, unknown>,
  rest: Record<string, unknown> = { generalComment: "A comment" },
) {
  return { ...rest, respondent: { ...respondent, ...patch } };
}
