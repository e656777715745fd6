// Receipts at the pace of a busy consultation: one SMTP connection per message costs its connection, greeting
// and EHLO each time (test:crash: ~150 ms a receipt, 4 workers sent 26 a second and left ~900 of 6,050 queued
// after 3 minutes). The transport keeps its connections open and reuses them.
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";

let connections = 0;
const received: string[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onConnect(_session, cb) {
    connections += 1;
    cb();
  },
  onData(stream, session, cb) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received.push(...session.envelope.rcptTo.map((r) => r.address));
      cb();
    });
  },
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
afterAll(async () => {
  (await import("./send-mail")).closeMail();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("sending mail", () => {
  it("reuses its connections to the mail server: ten messages, one after another, over one connection", async () => {
    const { deliverMail } = await import("./send-mail");
    for (let i = 0; i < 10; i++) await deliverMail({ to: `r${i}@example.org`, subject: "Receipt", text: `n° ${i}` });
    expect(received).toHaveLength(10);
    expect(connections).toBe(1);
  });
});
