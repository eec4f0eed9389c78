import { chromium, type Browser } from "playwright-core";

/** Chromium from Debian, never a downloaded browser; no background traffic. Shared by the site and frontend tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
}
