import nodemailer from "nodemailer";
import { describe, expect, it } from "vitest";
import { SMTP_POOL, SMTP_TIMEOUTS, withTimeouts } from "./send-mail";

describe("the SMTP transport", () => {
  it("gives up on a mail server that stops answering within seconds, not nodemailer's 10 minutes", () => {
    const options = (
      nodemailer.createTransport(withTimeouts("smtp://user:p%40ss@mail.example.org:587")) as unknown as {
        options: Record<string, unknown>;
      }
    ).options;
    expect(options).toMatchObject({ ...SMTP_TIMEOUTS, ...SMTP_POOL, host: "mail.example.org", port: 587 });
    expect(options.auth).toEqual({ user: "user", pass: "p@ss" });
  });

  it("keeps a timeout the operator set in SMTP_URL", () => {
    expect(
      new URL(withTimeouts("smtps://mail.example.org/?socketTimeout=5000")).searchParams.get("socketTimeout"),
    ).toBe("5000");
  });
});
