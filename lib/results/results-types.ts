// The published results' shapes: what results_copy's summary holds (lib/results/build-results.ts builds it) and
// what the results pages, the export and the comment reports read.
import type { TDiffPart } from "@/lib/drafting/word-diff";

/** The summary's shape: a copy of another format is rebuilt on first read. */
export const RESULTS_FORMAT = 2;
/** Published comments shown per clause on the results page; the clause's own pages list them all. */
export const COMMENTS_SHOWN = 3;

/** A published comment as the public reads it (results_row). */
export type TListedRow = {
  aspect: string;
  rating: number | null;
  stance: string | null;
  comment: string | null;
  proposed_wording: string | null;
  disposition: string | null;
  disposition_reason: string | null;
  official: boolean;
  country: string | null;
  /** The feedback item (for "Report this comment"); absent in copies made before reports existed. */
  id?: string | null;
  /** A moderator withdrew its publication after a report: its words are gone from the copy. */
  withdrawn?: boolean;
};

export type TText = { en: string; fr: string };
export type TSectionResult = {
  /** Null for the general comments on the whole draft. */
  clauseId: string | null;
  key: string | null;
  kind: "preamble" | "principle" | "action" | null;
  number: string | null;
  heading: { en: string | null; fr: string | null } | null;
  parentId: string | null;
  /** Against the text consulted (the clause's last version at closing): added after closing, removed from the final text… */
  change: "unchanged" | "changed" | "added" | "removed" | null;
  finalText: TText | null;
  redline: { en: TDiffPart[]; fr: TDiffPart[] } | null;
  /** Counted items (spam and duplicates left out), by aspect and by decision ("none": no decision). */
  items: number;
  byAspect: Record<string, number>;
  /** Average rating (2 decimals) and how many ratings, per aspect that has any. */
  ratings: Record<string, { avg: number; n: number }>;
  dispositions: Record<string, number>;
  /** Published comments (with words or a position): the first `shown` here, all through listed_seq. */
  listed: number;
  firstListed: number | null;
  shown: TListedRow[];
};
export type TResultsSummary = {
  format: typeof RESULTS_FORMAT;
  /** Responses not withdrawn with at least one counted item. */
  responses: { total: number; byType: Record<string, number>; byCountry: Record<string, number> };
  items: number;
  byAspect: Record<string, number>;
  ratings: Record<string, { avg: number; n: number }>;
  dispositions: Record<string, number>;
  listed: number;
  sections: TSectionResult[];
};
