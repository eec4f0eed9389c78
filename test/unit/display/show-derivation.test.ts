import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derivationBundle, showDerivation } from "../../../lib/display";
import { captureBundles, captureConsole } from "./capture";
import { badResult, goodResult } from "./fixtures";

const s = suite("showDerivation");

s("should send the derivation bundle, honouring expectFailure", () => {
  const sent = captureBundles(() => {
    showDerivation(goodResult());
    showDerivation(badResult(), { expectFailure: true });
  });
  assert.equal(sent, [derivationBundle(goodResult()), derivationBundle(badResult(), { expectFailure: true })]);
});

s("should print the plain-text form outside a kernel", () => {
  const lines = captureConsole(() => showDerivation(badResult()));
  assert.is(lines.length, 1);
  assert.match(lines[0], /^σ′\(x\) by the quotient rule\n/);
  assert.match(lines[0], /\n✗ step 2 failed: e\^\(-x\) \/ \(1 \+ e\^\(-x\)\)$/);
});

s.run();
