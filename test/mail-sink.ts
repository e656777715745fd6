// The SMTP sink for integration tests: messages kept in memory, parsed.
import { simpleParser, type ParsedMail } from "mailparser";
import { startMailSink } from "@/scripts/mail-sink.mjs";

export type TSink = {
  url: string;
  messages: { to: string[]; mail: ParsedMail }[];
  waitFor(to: string): Promise<ParsedMail>;
  /** While down, the sink refuses every message (an SMTP error), as a mail server in trouble would. */
  setDown(down: boolean): void;
  /** Each message takes this long to be accepted (a slow mail server). */
  setDelay(ms: number): void;
  /** Called once the sink holds a whole message, before it answers (null: none): what a crash at that moment would leave. */
  setOnReceived(fn: ((to: string[]) => Promise<void>) | null): void;
  /** While set, the sink refuses each whole message once it has it (an SMTP error after the end of the data). */
  setRefuseAtEnd(refuse: boolean): void;
  /** While set, the sink closes the connection once it has a whole message, without an answer (nor keeping it). */
  setDropAtEnd(drop: boolean): void;
  stop(): Promise<void>;
};

export async function mailSink(): Promise<TSink> {
  const messages: TSink["messages"] = [];
  const pending: Promise<unknown>[] = [];
  let down = false;
  let delay = 0;
  let onReceived: ((to: string[]) => Promise<void>) | null = null;
  let refuseAtEnd = false;
  let dropAtEnd = false;
  let dropped = 0;
  const sink = await startMailSink({
    async onMessage(raw: string, to: string[]) {
      if (down) throw Object.assign(new Error("Mail server unavailable, try later"), { responseCode: 451 });
      if (onReceived) await onReceived(to);
      if (dropAtEnd) throw Object.assign(new Error(`dropped message ${++dropped}`), { dropConnection: true });
      if (refuseAtEnd) throw Object.assign(new Error("Message refused: content rejected"), { responseCode: 554 });
      if (delay) await new Promise((r) => setTimeout(r, delay));
      pending.push(simpleParser(raw).then((mail) => messages.push({ to, mail })));
    },
  });
  return {
    url: sink.url,
    messages,
    async waitFor(to: string) {
      for (let i = 0; i < 200; i++) {
        await Promise.all(pending);
        const m = messages.find((x) => x.to.includes(to.toLowerCase()));
        if (m) return m.mail;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no message for ${to}`);
    },
    setDown(d: boolean) {
      down = d;
    },
    setDelay(ms: number) {
      delay = ms;
    },
    setOnReceived(fn) {
      onReceived = fn;
    },
    setRefuseAtEnd(refuse: boolean) {
      refuseAtEnd = refuse;
    },
    setDropAtEnd(drop: boolean) {
      dropAtEnd = drop;
    },
    async stop() {
      // The app keeps its connections to the mail server open (lib/mail/send-mail.ts): closed first, or the sink
      // would wait for them to time out.
      (await import("@/lib/mail/send-mail")).closeMail();
      await sink.stop();
    },
  };
}
