import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

/** Content types of the files a site holds. */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ipynb": "application/x-ipynb+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/** A running server. */
export interface SiteServer {
  server: Server;
  /** Base URL with a trailing slash, e.g. "http://127.0.0.1:8080/". */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a folder of static files over HTTP on the loopback interface only:
 * GET and HEAD, "/" and folders answer with their index.html, paths that
 * leave the folder or do not exist answer 404, files are streamed with their
 * content type and `Cache-Control: no-cache`.
 *
 * @param root the folder to serve
 * @param options port (default 0: any free port) and host (default "127.0.0.1")
 * @returns the server and its URL, once it listens
 * @throws Error (rejection) when the port is taken or root is not a folder
 */
export function serveSite(root: string, options: { port?: number; host?: string } = {}): Promise<SiteServer> {
  const base = path.resolve(root);
  if (!statSync(base).isDirectory()) return Promise.reject(new Error(`serveSite: root must be a folder, got ${root}`));
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    let file = path.join(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(404).end("not found");
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, "index.html");
      const stat = statSync(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(":") ? `[${address}]` : address;
      resolve({
        server,
        url: `http://${host}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
