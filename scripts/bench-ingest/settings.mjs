// bench:ingest's settings from the environment, and a check that a port is free.
import net from "node:net";

export function numEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return n;
}

/** Anything answering on the port (a refused connection: free). */
export const portInUse = (host, port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", (e) => resolve(e.code !== "ECONNREFUSED"));
  });
