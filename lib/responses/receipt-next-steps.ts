// What the receipt tells a respondent about their email and what they can still do,
// from what is stored: the private link exists only when the response was stored with
// an email address and a mail server (its token hash), and it reaches them only once
// its job on the queue has sent the email (lib/responses/deliver-receipts.ts).

/** The email receipt: none asked (no address), none possible (no mail server then), on its way, sent, or given up. */
export type TReceiptEmail = "no_address" | "no_mail_server" | "sending" | "sent" | "failed" | "erased";
/** Changing or withdrawing: through the private link, or by writing to us; or nothing left to do. */
export type TReceiptChange = "private_link" | "contact_us" | "closed" | "withdrawn" | "erased";

type TStored = {
  email: string | null;
  manageTokenHash: string | null;
  withdrawnAt: Date | null;
  /** Erasure clears the address, the private link and the receipt's job: what is left says nothing of them. */
  erasedAt: Date | null;
  /** The receipt's job while it is not sent: waiting, or given up (every attempt failed). */
  receiptJob: { gaveUp: boolean } | null;
};

export function receiptNextSteps(
  r: TStored,
  closesAt: Date,
  at: Date,
): { email: TReceiptEmail; change: TReceiptChange } {
  const email: TReceiptEmail = r.erasedAt
    ? "erased"
    : !r.email
      ? "no_address"
      : !r.manageTokenHash
        ? "no_mail_server"
        : r.receiptJob
          ? r.receiptJob.gaveUp
            ? "failed"
            : "sending"
          : "sent";
  const change: TReceiptChange = r.withdrawnAt
    ? "withdrawn"
    : r.erasedAt
      ? "erased"
      : closesAt <= at
        ? "closed"
        : email === "sending" || email === "sent"
          ? "private_link"
          : "contact_us";
  return { email, change };
}
