import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { serveSite, type SiteServer } from "../../../lib/pipeline/serve";
import { rawGet, tempDir } from "../site/helpers";

const get = (server: SiteServer, rawPath: string) => rawGet(server.url, rawPath);

const s = suite("serveSite");
let server: SiteServer;
s.before(async () => {
  const root = tempDir();
  mkdirSync(path.join(root, "site", "assets"), { recursive: true });
  writeFileSync(path.join(root, "secret.txt"), "outside");
  writeFileSync(path.join(root, "site", "index.html"), "<h1>home</h1>");
  writeFileSync(path.join(root, "site", "assets", "a b.css"), "body{}");
  server = await serveSite(path.join(root, "site"));
});
s.after(() => server.close());

s("should listen on the loopback interface only", () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

s("should answer / with index.html and files with their type", async () => {
  assert.equal(await get(server, "/"), { status: 200, type: "text/html; charset=utf-8", body: "<h1>home</h1>" });
  assert.equal(await get(server, "/assets/a%20b.css"), {
    status: 200,
    type: "text/css; charset=utf-8",
    body: "body{}",
  });
});

s("should answer 404 for missing files and for paths that leave the folder", async () => {
  assert.is((await get(server, "/nope.html")).status, 404);
  for (const p of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"]) {
    const r = await get(server, p);
    assert.is(r.status, 404, p);
    assert.not.ok(r.body.includes("outside"), p);
  }
});

s.run();
