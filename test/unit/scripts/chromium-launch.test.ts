import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import CHROMIUM_LAUNCH from "../../../scripts/chromium-launch.json";
import { ROOT } from "../../shared";

const s = suite("Chromium's launch options");

/** Every source file of the benches and tests (scripts/, test/, tooling/), relative to the root. */
function sources(): string[] {
  return ["scripts", "test", "tooling"].flatMap((dir) =>
    (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => /\.(m?js|ts)$/.test(f))
      .map((f) => path.join(dir, f)),
  );
}

s(
  "should be defined once: no bench or test spells a flag of scripts/chromium-launch.json or launches its own Chromium",
  () => {
    assert.ok(CHROMIUM_LAUNCH.args.includes("--disable-background-networking"), JSON.stringify(CHROMIUM_LAUNCH));
    const files = sources();
    assert.ok(files.includes(path.join("scripts", "bench-lab.mjs")) && files.includes(path.join("test", "shared.ts")));
    const copies = files.filter((f) => {
      if (path.join(ROOT, f) === __filename) return false; // this test names what it looks for
      const text = readFileSync(path.join(ROOT, f), "utf8");
      return (
        CHROMIUM_LAUNCH.args.some((a) => text.includes(`"${a}"`)) ||
        text.includes('executablePath: "/usr/bin/chromium"')
      );
    });
    assert.equal(copies, [], "files with their own copy of Chromium's flags");
  },
);

s("should be what the benches import", async () => {
  const { CHROMIUM_LAUNCH: bench } = await import(path.join(ROOT, "scripts", "bench-browser.mjs"));
  assert.equal(bench, CHROMIUM_LAUNCH);
});

s.run();
