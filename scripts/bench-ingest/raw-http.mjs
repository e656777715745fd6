// The open loop's HTTP/1.1 client: keep-alive connections on plain sockets, one request at a time on each, a new
// connection whenever none is idle (no limit), the most recently used idle one first (like node:http's Agent).
//
// Why not node:http's client: the sender shares the machine with the app and PostgreSQL, and its own turns are part
// of every latency it measures. Sending 3,000 requests/s to a server that answers 503 at once cost node:http 24 % of
// a core (p99 9–11 ms late), undici's Pool 28 % (p99 76–122 ms), this client 11 % (p99 2–3 ms) (2026-12-01, this
// machine's kind). It reads what the servers measured here send: a status line, headers, and a body of
// Content-Length bytes or in chunks; a response it cannot read fails its request ("unreadable") and closes the
// connection.
import net from "node:net";

const CRLF2 = Buffer.from("\r\n\r\n");

/**
 * Parses one response at the start of `buf`: null while incomplete, else
 * { status, headers, body (Buffer), used (bytes), close }. Throws when it cannot be read.
 * @param {Buffer} buf
 * @returns {RawResponse | null}
 */
export function parseResponse(buf) {
  const end = buf.indexOf(CRLF2);
  if (end < 0) return null;
  const lines = buf.toString("latin1", 0, end).split("\r\n");
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
  if (!statusLine) throw new Error("unreadable");
  const status = Number(statusLine[1]);
  /** @type {Record<string, string>} */
  const headers = {};
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(":");
    if (colon > 0) headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  const close = (headers.connection ?? "").toLowerCase() === "close";
  const start = end + 4;
  if ((headers["transfer-encoding"] ?? "").toLowerCase().includes("chunked")) {
    const parts = [];
    let at = start;
    for (;;) {
      const eol = buf.indexOf("\r\n", at);
      if (eol < 0) return null;
      const size = parseInt(buf.toString("latin1", at, eol).split(";")[0], 16);
      if (!Number.isFinite(size) || size < 0) throw new Error("unreadable");
      if (size === 0) {
        // Trailers, if any, end with an empty line.
        const last = buf.subarray(eol + 2, eol + 4).toString("latin1") === "\r\n" ? eol + 2 : buf.indexOf(CRLF2, eol);
        if (last < 0 || buf.length < last + 2) return null;
        return { status, headers, body: Buffer.concat(parts), used: last + (last === eol + 2 ? 2 : 4), close };
      }
      if (buf.length < eol + 2 + size + 2) return null;
      parts.push(buf.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
  }
  const length = status === 204 || status === 304 || status < 200 ? 0 : Number(headers["content-length"] ?? NaN);
  if (!Number.isInteger(length) || length < 0) throw new Error("unreadable"); // a body until the connection closes
  if (buf.length < start + length) return null;
  return { status, headers, body: buf.subarray(start, start + length), used: start + length, close };
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: Buffer, used: number, close: boolean }} RawResponse
 * @typedef {(status: number, error: string | null, res: RawResponse | null) => void} Done
 */

/** A pool of connections to host:port. */
export function connectionPool(host, port, { timeoutMs }) {
  const idle = [];
  let opened = 0;
  const hostHeader = `${host}:${port}`;

  const finish = (conn, ...result) => {
    const pending = conn.pending;
    if (!pending) return;
    conn.pending = null;
    clearTimeout(pending.timer);
    pending.done(...result);
  };
  const fail = (conn, error) => {
    conn.broken = true;
    const at = idle.indexOf(conn);
    if (at >= 0) idle.splice(at, 1);
    conn.socket.destroy();
    finish(conn, 0, error, null);
  };

  function open() {
    const socket = net.connect({ host, port });
    socket.setNoDelay(true);
    opened += 1;
    const conn = { socket, pending: null, buf: null, broken: false };
    socket.on("data", (chunk) => {
      conn.buf = conn.buf ? Buffer.concat([conn.buf, chunk]) : chunk;
      while (conn.buf) {
        if (!conn.pending) return fail(conn, "unasked"); // bytes no request of ours asked for
        let res;
        try {
          res = parseResponse(conn.buf);
        } catch {
          return fail(conn, "unreadable");
        }
        if (!res) return;
        conn.buf = res.used < conn.buf.length ? conn.buf.subarray(res.used) : null;
        if (res.close) {
          conn.broken = true;
          socket.end();
        } else idle.push(conn);
        finish(conn, res.status, null, res);
      }
    });
    socket.on("error", (e) => fail(conn, e.code || e.message));
    socket.on("close", () => fail(conn, "closed"));
    return conn;
  }

  function send(conn, method, path, headers, body, done) {
    conn.pending = {
      done,
      timer: setTimeout(() => fail(conn, "timeout"), timeoutMs),
    };
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${hostHeader}\r\n`;
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
    conn.socket.write(`${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  return {
    /**
     * One request; done(status, error, response) once: status 0 on a network error or timeout.
     * @param {string} method @param {string} path @param {Record<string, string>} headers @param {string} body
     * @param {Done} done
     */
    request(method, path, headers, body, done) {
      let conn = idle.pop();
      while (conn?.broken) conn = idle.pop();
      send(conn ?? open(), method, path, headers, body, done);
    },
    /**
     * Opens `count` new connections, one GET of `path` on each, and leaves them idle here.
     * @param {number} count @param {string} path @returns {Promise<void>}
     */
    warm(count, path) {
      let left = count;
      return new Promise((resolve) => {
        if (count === 0) resolve();
        for (let i = 0; i < count; i++) send(open(), "GET", path, {}, "", () => --left === 0 && resolve());
      });
    },
    idleCount: () => idle.length,
    openedCount: () => opened,
    destroy() {
      for (const conn of idle.splice(0)) conn.socket.destroy();
    },
  };
}
