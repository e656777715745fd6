// The background tasks (lib/jobs/task-list.ts runs them) and how often each is tried: graphile-worker
// retries a failed job with exponential backoff (e^attempts seconds: 3 s, 7 s, 20 s … 50 min at the 8th)
// and keeps it, given up, once its attempts are spent (listed at /admin/jobs, counted by /api/health).
export const TASKS = {
  /** A response's email receipt (payload: responseId, manageToken). */
  sendReceipt: { name: "send-receipt", maxAttempts: 8 },
  /** An invitation's email (payload: invitationId, link, locale…). */
  sendInvitation: { name: "send-invitation", maxAttempts: 8 },
  /** "Forgot your password?": a link for the address's account, if it has one (payload: email, locale). */
  requestPasswordReset: { name: "request-password-reset", maxAttempts: 5 },
  /** A password reset link's email (payload: resetId, to, subject, text). */
  sendPasswordReset: { name: "send-password-reset", maxAttempts: 5 },
  /** "Find campaigns" for one consultation (payload: runId, consultationId). */
  findCampaigns: { name: "find-campaigns", maxAttempts: 3 },
  /** The results copy made at publication (payload: consultationId, builtAt). */
  buildResults: { name: "build-results", maxAttempts: 5 },
  /** Periodic (crontab): erase personal data past each consultation's retention period. */
  applyRetention: { name: "apply-retention", maxAttempts: 3 },
  /** Periodic (crontab): rate-limit counters an hour past their window. */
  clearExpiredLimits: { name: "clear-expired-limits", maxAttempts: 3 },
  /** A country tracker's email: ready for approval, a deadline reminder, results published (payload: to, subject, text). */
  sendNotice: { name: "send-notice", maxAttempts: 8 },
  /** Periodic (crontab, hourly): deadline reminders due to delegations that have not submitted (lib/country-tracker/). */
  remindDelegations: { name: "remind-delegations", maxAttempts: 3 },
  /** Results published: one email to each respondent who asked for it (payload: consultationId). */
  notifyResults: { name: "notify-results", maxAttempts: 5 },
  /** Periodic (crontab): derive new items (as derive-items), recompute the themes of consultations with new responses. */
  refreshThemes: { name: "refresh-themes", maxAttempts: 3 },
  /** Periodic (crontab, every minute): new items' search vectors, fingerprints and languages (lib/feedback/derive-items.ts). */
  deriveItems: { name: "derive-items", maxAttempts: 3 },
} as const;

export type TTaskName = (typeof TASKS)[keyof typeof TASKS]["name"];

/** The job key of a response's receipt: one per response, found by it (receipt page, erasure). */
export const receiptJobKey = (responseId: string) => `receipt:${responseId}`;
