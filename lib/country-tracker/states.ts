// The states of a country on the tracker (list-tracker.ts derives them), in the order of its progress.
export const TRACKER_STATES = [
  "notInvited",
  "invited",
  "accepted",
  "drafting",
  "ready",
  "submitted",
  "reopened",
] as const;
export type TTrackerState = (typeof TRACKER_STATES)[number];

export const isTrackerState = (v: unknown): v is TTrackerState => (TRACKER_STATES as readonly unknown[]).includes(v);
