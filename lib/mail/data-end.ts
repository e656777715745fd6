// The moment a message's last bytes (the SMTP "." line) are handed to the mail server's socket. A receipt's
// "sent" mark is committed then (lib/responses/deliver-receipts.ts), in the same turn of the event loop as the
// write, instead of after the server's answer: a process killed while waiting for that answer would otherwise
// leave a receipt the mail server took but the database calls unsent, and send it again (test:crash).
//
// nodemailer has no event for it, so its SMTPConnection's data stream is watched (nodemailer is pinned exactly;
// lib/responses/receipt-jobs.int.test.ts fails if the hook stops firing). A message is recognised by its
// Message-ID header, which the sender chooses (deliverMail's onDataEnd).
import type { Transform } from "node:stream";
import type { Socket } from "node:net";
import SMTPConnection from "nodemailer/lib/smtp-connection";

const hooks = new Map<string, () => void>();

/** Calls fn once the end of the message with this Message-ID is written to the mail server's socket. */
export function onDataEnd(messageId: string, fn: () => void): () => void {
  hooks.set(messageId, fn);
  return () => void hooks.delete(messageId);
}

type TSendStream = Transform & { _flush(done: () => void): void };
type TConnection = { _socket: Socket; _createSendStream(callback: unknown): TSendStream };

const HEADER_LIMIT = 64 * 1024;

/**
 * Bytes still in the process's buffer would die with it: fn runs once the operating system holds them all (at
 * once, nearly always: a receipt is a few KB). A socket closed first never runs it (the caller then commits
 * after the mail server's answer, as without the hook).
 */
function whenFlushed(socket: Socket, fn: () => void): void {
  if (socket.destroyed) return;
  if (socket.writableLength === 0) fn();
  else setImmediate(() => whenFlushed(socket, fn));
}

let installed = false;

/** Watches every SMTP connection's data stream for the end of a message with a hook (idempotent). */
export function installDataEndHook(): void {
  if (installed) return;
  installed = true;
  const proto = SMTPConnection.prototype as unknown as TConnection;
  const original = proto._createSendStream;
  proto._createSendStream = function (this: TConnection, callback: unknown) {
    const stream = original.call(this, callback);
    const socket = this._socket;
    let head = "";
    let messageId: string | undefined;
    let end: unknown;
    // The buffer _flush pushes is the end of the data ("\r\n.\r\n"): remembered to recognise its chunk.
    const flush = stream._flush;
    stream._flush = function (this: TSendStream, done) {
      const push = this.push;
      this.push = (chunk: unknown) => {
        end = chunk;
        this.push = push;
        return push.call(this, chunk);
      };
      flush.call(this, done);
    };
    // Added after the pipe to the socket (in _createSendStream): each chunk reaches here once it is written.
    stream.on("data", (chunk: Buffer) => {
      if (messageId === undefined && head.length < HEADER_LIMIT) {
        head += chunk.toString("latin1");
        const headers = head.split("\r\n\r\n")[0];
        messageId = /^message-id:[ \t]*(<[^>\r\n]+>)/im.exec(headers)?.[1];
      }
      if (chunk !== end || !messageId) return;
      const fn = hooks.get(messageId);
      if (!fn) return;
      hooks.delete(messageId);
      whenFlushed(socket, fn);
    });
    return stream;
  };
}
