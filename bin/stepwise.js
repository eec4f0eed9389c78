#!/usr/bin/env node
// The stepwise command line (see lib/pipeline/cli.ts); runs the compiled code in dist/.
"use strict";
const path = require("node:path");

let cli;
try {
  cli = require(path.join(__dirname, "..", "dist", "pipeline", "cli.js"));
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes("cli.js")) {
    console.error("stepwise: dist/ is missing or out of date: run `npm run build` first.");
    process.exit(2);
  }
  throw err;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
