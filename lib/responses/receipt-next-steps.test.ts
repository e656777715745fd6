import { describe, expect, it } from "vitest";
import { receiptNextSteps } from "./receipt-next-steps";

const at = new Date("2027-01-10T12:00:00Z");
const open = new Date("2027-02-28T22:59:00Z");
const stored = {
  email: "a@example.org",
  manageTokenHash: "h".repeat(64),
  withdrawnAt: null,
  erasedAt: null,
  receiptJob: null,
};

describe("receiptNextSteps", () => {
  it("says an email went out with the private link once the queue has sent it", () => {
    expect(receiptNextSteps(stored, open, at)).toEqual({ email: "sent", change: "private_link" });
  });
  it("says the email is on its way while it waits in the queue, and gone wrong once given up", () => {
    expect(receiptNextSteps({ ...stored, receiptJob: { gaveUp: false } }, open, at)).toEqual({
      email: "sending",
      change: "private_link",
    });
    expect(receiptNextSteps({ ...stored, receiptJob: { gaveUp: true } }, open, at)).toEqual({
      email: "failed",
      change: "contact_us",
    });
  });
  it("has no email and no private link without an address, or without a mail server when it was sent", () => {
    expect(receiptNextSteps({ ...stored, email: null, manageTokenHash: null }, open, at)).toEqual({
      email: "no_address",
      change: "contact_us",
    });
    expect(receiptNextSteps({ ...stored, manageTokenHash: null }, open, at)).toEqual({
      email: "no_mail_server",
      change: "contact_us",
    });
  });
  it("offers no change after the deadline or once withdrawn", () => {
    expect(receiptNextSteps(stored, at, at).change).toBe("closed");
    expect(receiptNextSteps({ ...stored, withdrawnAt: at }, open, at).change).toBe("withdrawn");
  });
  it("says the personal data was erased, not that no address was given, once the response is erased", () => {
    // Erasure clears the address, the private link's hash and the outbox row (lib/privacy/erase-responses.ts).
    const erased = { ...stored, email: null, manageTokenHash: null, erasedAt: at };
    expect(receiptNextSteps(erased, open, at)).toEqual({ email: "erased", change: "erased" });
    expect(receiptNextSteps({ ...erased, withdrawnAt: at }, open, at)).toEqual({
      email: "erased",
      change: "withdrawn",
    });
  });
});
