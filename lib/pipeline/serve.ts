import { closeSync, createReadStream, existsSync, fstatSync, openSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
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

/** Options of {@link serveSite}. */
export interface ServeOptions {
  /** Port, default 0 (any free port). */
  port?: number;
  /** Address to listen on, default "127.0.0.1". */
  host?: string;
  /** HTML inserted before `</body>` of every HTML page served (the live preview's script). */
  injectHtml?: string;
  /** Answers a request itself when it returns true (e.g. the live preview's event stream). */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** A plain-text answer. */
function answer(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" }).end(text);
}

/**
 * Serves a folder of static files over HTTP on the loopback interface only:
 * GET and HEAD, "/" and folders answer with their index.html, paths that
 * leave the folder, do not exist, or are not regular files (a folder without
 * index.html — even one named like a page —, a device, a FIFO, a dangling link)
 * answer 404, a file that cannot be opened answers 403; files are read through
 * an opened descriptor with their content type and `Cache-Control: no-cache`,
 * and a read error ends that response only: the server keeps running.
 *
 * @param root the folder to serve
 * @param options see {@link ServeOptions}
 * @returns the server and its URL, once it listens
 * @throws Error (rejection) when the port is taken, or naming root when it does not exist or is not a folder
 */
export function serveSite(root: string, options: ServeOptions = {}): Promise<SiteServer> {
  const base = path.resolve(root);
  if (!existsSync(base)) return Promise.reject(new Error(`serveSite: no such folder: ${base} (build the site first)`));
  if (!statSync(base).isDirectory())
    return Promise.reject(new Error(`serveSite: root must be a folder, got the file ${base}`));
  const server = createServer((req, res) => {
    try {
      if (options.handle?.(req, res)) return;
    } catch {
      answer(res, 500, "internal error");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      answer(res, 400, "bad request");
      return;
    }
    let file = path.join(base, rel);
    if ((file !== base && !file.startsWith(base + path.sep)) || rel.includes("\0")) {
      answer(res, 404, "not found");
      return;
    }
    let fd: number;
    let size: number;
    try {
      if (statSync(file).isDirectory()) file = path.join(file, "index.html");
      const st = statSync(file);
      if (!st.isFile()) throw Object.assign(new Error("not a regular file"), { code: "ENOENT" });
      fd = openSync(file, "r");
      size = fstatSync(fd).size;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      answer(
        res,
        code === "EACCES" || code === "EPERM" ? 403 : 404,
        code === "EACCES" || code === "EPERM" ? "forbidden" : "not found",
      );
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    const inject = options.injectHtml && type.startsWith("text/html") ? options.injectHtml : undefined;
    if (inject) {
      let html: string;
      try {
        html = readFileSync(fd, "utf8");
      } catch {
        answer(res, 500, "read error");
        return;
      } finally {
        closeSync(fd);
      }
      const at = html.lastIndexOf("</body>");
      const body = Buffer.from(at >= 0 ? html.slice(0, at) + inject + html.slice(at) : html + inject);
      res.writeHead(200, { "Content-Type": type, "Content-Length": body.length, "Cache-Control": "no-cache" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    res.writeHead(200, { "Content-Type": type, "Content-Length": size, "Cache-Control": "no-cache" });
    if (req.method === "HEAD") {
      closeSync(fd);
      res.end();
      return;
    }
    const stream = createReadStream(file, { fd, autoClose: true });
    stream.on("error", () => res.destroy());
    res.on("close", () => stream.destroy());
    stream.pipe(res);
  });
  server.on("clientError", (_err, socket) => socket.destroy());
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
