// A results section's names in the reader's language: "Action 1.1", "Principle 2: Title" (principle
// titles kept), "General comments on the whole draft"; and its address on the page and on its own pages.
import { clauseLabel } from "@/lib/consultations/clause-label";
import type { TSectionResult } from "./build-results";

type TConsultationT = (key: "preamble" | "principle" | "action", values?: { number: string }) => string;
type TResultsT = {
  (key: "general"): string;
  (key: "clauseTitle", values: { label: string; heading: string }): string;
  (key: "removedTitle", values: { title: string }): string;
};

/** The general comments' address segment: clause keys are numbers or "preamble", never this. */
export const GENERAL_KEY = "general";

export function sectionLabel(s: TSectionResult, tc: TConsultationT, tr: TResultsT): string {
  return s.kind ? clauseLabel({ kind: s.kind, number: s.number }, tc) : tr("general");
}

/** With the principle's title; a clause the final text removed says so (its number may be another clause's now). */
export function sectionTitle(s: TSectionResult, locale: "en" | "fr", tc: TConsultationT, tr: TResultsT): string {
  const label = sectionLabel(s, tc, tr);
  const heading = s.heading?.[locale];
  const title = heading && s.kind !== "preamble" ? tr("clauseTitle", { label, heading }) : label;
  return s.change === "removed" ? tr("removedTitle", { title }) : title;
}

export const sectionSegment = (s: Pick<TSectionResult, "key">) => s.key ?? GENERAL_KEY;
export const sectionAnchor = (s: Pick<TSectionResult, "key">) => `r-${sectionSegment(s)}`;
