// Mail the app sent during the run, as the SMTP sink of scripts/e2e-server.mjs wrote it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";

const DIR = path.resolve(__dirname, "..", ".data", "mail-e2e");

/** The newest message to `to` (waits up to 10 s for it). */
export async function readMail(to: string, subject?: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect(async () => {
    const files = (await readdir(DIR))
      .filter((f) => f.endsWith(".eml"))
      .sort()
      .reverse();
    for (const f of files) {
      const mail = await simpleParser(await readFile(path.join(DIR, f)));
      const rcpt = (Array.isArray(mail.to) ? mail.to : [mail.to])
        .flatMap((a) => a?.value ?? [])
        .map((v) => v.address?.toLowerCase());
      if (rcpt.includes(to.toLowerCase()) && (!subject || subject.test(mail.subject ?? ""))) {
        found = mail;
        return;
      }
    }
    throw new Error(`no mail to ${to} yet`);
  }).toPass({ timeout: 10_000 });
  return found!;
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const m = (mail.text ?? "").match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(prefix));
  if (!m) throw new Error(`no link to ${prefix} in: ${mail.text}`);
  return m;
}
