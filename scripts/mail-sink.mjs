// A local SMTP server that accepts every message and hands it to onMessage
// (raw RFC 5322 text). Tests start it and read what the app sent; nothing
// leaves the machine.
import { SMTPServer } from "smtp-server";

/** Resolves with { port, url, stop() } once listening (port 0: any free port). */
export function startMailSink({ port = 0, onMessage }) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(_auth, _session, cb) {
      cb(null, { user: "test" });
    },
    onData(stream, session, cb) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", async () => {
        // onMessage may return a promise (a slow mail server); throwing refuses the message, and throwing
        // { dropConnection: true } closes the connection without an answer (a mail server that died then).
        try {
          await onMessage(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          );
          cb();
        } catch (e) {
          if (!e?.dropConnection) return cb(e);
          for (const c of server.connections) if (c.session === session) c._socket.destroy();
        }
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      // A client that goes away mid-message (an app server killed) resets its connection: not the sink's problem.
      server.off("error", reject);
      server.on("error", () => {});
      const actual = server.server.address().port;
      resolve({
        port: actual,
        url: `smtp://127.0.0.1:${actual}`,
        stop: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
