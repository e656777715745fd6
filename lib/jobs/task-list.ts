// What each job does (names and attempts in job-names.ts). A task that throws is retried by
// graphile-worker with backoff, then kept as failed; one that returns is done and deleted.
import type { JobHelpers, TaskList } from "graphile-worker";
import { TASKS } from "./job-names";

const lastAttempt = (helpers: JobHelpers) => ({ last: helpers.job.attempts >= helpers.job.max_attempts });

export const taskList: TaskList = {
  async [TASKS.sendReceipt.name](payload) {
    const { sendReceipt } = await import("@/lib/responses/deliver-receipts");
    await sendReceipt(payload as Parameters<typeof sendReceipt>[0]);
  },
  async [TASKS.sendInvitation.name](payload) {
    const { sendInvitationMail } = await import("@/lib/invitations/create-invitation");
    await sendInvitationMail(payload as Parameters<typeof sendInvitationMail>[0]);
  },
  async [TASKS.requestPasswordReset.name](payload) {
    const { issueResetForEmail } = await import("@/lib/password-resets/request-password-reset");
    await issueResetForEmail(payload as Parameters<typeof issueResetForEmail>[0]);
  },
  async [TASKS.sendPasswordReset.name](payload) {
    const { sendPasswordResetMail } = await import("@/lib/password-resets/issue-password-reset");
    await sendPasswordResetMail(payload as Parameters<typeof sendPasswordResetMail>[0]);
  },
  async [TASKS.findCampaigns.name](payload, helpers) {
    const { runFindCampaigns } = await import("@/lib/feedback/find-campaigns");
    await runFindCampaigns(payload as Parameters<typeof runFindCampaigns>[0], lastAttempt(helpers));
  },
  async [TASKS.buildResults.name](payload) {
    const { rebuildResultsCopy } = await import("@/lib/results/build-results");
    await rebuildResultsCopy(payload as Parameters<typeof rebuildResultsCopy>[0]);
  },
  async [TASKS.applyRetention.name]() {
    const { applyRetention } = await import("@/lib/privacy/erase-responses");
    const n = await applyRetention();
    if (n)
      console.log(`[retention] erased the personal data of ${n} responses past their consultation's retention period`);
  },
  async [TASKS.clearExpiredLimits.name]() {
    const { clearExpiredLimits } = await import("@/lib/http/shared-limiter");
    await clearExpiredLimits();
  },
  async [TASKS.sendNotice.name](payload) {
    const { sendNotice } = await import("@/lib/country-tracker/notice-mail");
    await sendNotice(payload as Parameters<typeof sendNotice>[0]);
  },
  async [TASKS.remindDelegations.name]() {
    const { sendDueReminders } = await import("@/lib/country-tracker/send-reminders");
    const n = await sendDueReminders();
    if (n) console.log(`[reminders] queued ${n} deadline reminders to delegations`);
  },
  async [TASKS.notifyResults.name](payload) {
    const { notifyResults } = await import("@/lib/country-tracker/notify-results");
    await notifyResults(payload as Parameters<typeof notifyResults>[0]);
  },
  async [TASKS.deriveItems.name]() {
    const { deriveItems } = await import("@/lib/feedback/derive-items");
    await deriveItems();
  },
  async [TASKS.refreshThemes.name]() {
    const { refreshDueThemes } = await import("@/lib/themes/refresh-themes");
    const ids = await refreshDueThemes();
    if (ids.length) console.log(`[themes] recomputed the themes of ${ids.length} consultation(s)`);
  },
};
