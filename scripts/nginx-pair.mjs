// Two app servers behind nginx (Debian's package), as in production: nginx on
// `port` spreads requests round-robin over the servers on `port + 1` and
// `port + 2`, appending X-Forwarded-For (the servers run with TRUST_PROXY),
// setting X-Forwarded-Host, passing a request id, and buffering request bodies
// (but the letter upload's). Used by the end-to-end suite; the README shows the same setup for production,
// with `cache` (as npm run bench:read runs it): public pages kept as the app's Cache-Control allows.
import { startProcess } from "./processes.mjs";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RESPONSE_UPLOAD_NGINX } from "../lib/http/upload-paths.mjs";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p)) ?? null;

export function nginxConfig({ port, upstreams, prefix, cache = false }) {
  // Both locations pass the same headers; nginx sets X-Forwarded-Host itself (a client's own is replaced).
  const proxied = `
      proxy_pass http://clausewise;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      proxy_buffering off;
      proxy_read_timeout 180s;
      proxy_next_upstream error timeout http_502;`;
  return `
daemon off;
worker_processes 2;
user root;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  # Slow clients wait here, not in the app: headers within 10 s, no 10 s pause while sending a body.
  client_header_timeout 10s;
  client_body_timeout 10s;
  client_max_body_size 1m;${
    cache
      ? `
  # The public pages, kept as the app's Cache-Control says (public, s-maxage, stale-while-revalidate): one
  # request a second per page reaches the app servers however many readers. Staff (a session cookie) go past it.
  proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=clausewise_pages:10m max_size=256m inactive=10m use_temp_path=off;
  map $http_cookie $clausewise_staff { default 0; "~authjs\.session-token" 1; }`
      : ""
  }
  upstream clausewise {
${upstreams.map((u) => `    server 127.0.0.1:${u} max_fails=0;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {${proxied}
      # Whole bodies only: the app gets a request once its body is here.
      proxy_request_buffering on;
    }
    # A response with its attachments (lib/attachments/; 25 MB by default, ATTACHMENT_MAX_RESPONSE_MB): the forms
    # (respond, the private link, key-in) and the API's multipart variant, buffered whole like every body. Before the
    # public pages' location (first match wins).
    location ~ ${RESPONSE_UPLOAD_NGINX} {${proxied}
      client_max_body_size 27m;
      proxy_request_buffering on;
    }
${
  cache
    ? `    # Public pages (the app sends them private, no-store when they are not to be shared): cached, buffered.
    location ~ ^/(en|fr)(/|$) {${proxied.replace("proxy_buffering off;", "proxy_buffering on;")}
      proxy_request_buffering on;
      proxy_cache clausewise_pages;
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_bypass $clausewise_staff;
      proxy_no_cache $clausewise_staff;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout http_502 http_503;
      proxy_cache_background_update on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
`
    : ""
}    # The signed letter (PDF, up to 10 MB) streams to its route, which checks it as it arrives.
    location ~ ^/api/delegation/[^/]+/letter/?$ {${proxied}
      client_max_body_size 12m;
      proxy_request_buffering off;
    }
  }
}
`;
}

/** Starts nginx in the foreground with its files under `prefix`; resolves to the child process. */
export function startNginx({ port, upstreams, prefix, cache = false }) {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx)");
  for (const d of ["", "body", "proxy", "fastcgi", "uwsgi", "scgi", "cache"])
    mkdirSync(path.join(prefix, d), { recursive: true });
  const conf = path.join(prefix, "nginx.conf");
  writeFileSync(conf, nginxConfig({ port, upstreams, prefix, cache }));
  return startProcess("nginx", ["-p", prefix, "-c", conf], { command: NGINX });
}
