/**
 * Tests of lib/derive/explain/node-memo.ts: what the explain code keeps on a node stays its own and
 * out of sight (mathjs's equality, JSON, copies and keys of the node are as without it).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { memoOf, peekMemo } from "../../../../lib/derive/explain/node-memo";
import { keyOf, printed, withoutParens } from "../../../../lib/derive/explain/nodes";
import { math } from "../../../../lib/derive/expression";
import { randomFunctions } from "./random-functions";

const test = suite("explain: the values kept on a node");

test("one memo per node, made on first use; none on a fresh node or on mathjs's copies", () => {
  const n = math.parse("x * sigma(x) + 1");
  assert.is(peekMemo(n), undefined);
  const m = memoOf(n);
  assert.is(memoOf(n), m);
  assert.is(peekMemo(n), m);
  keyOf(n);
  printed(n);
  assert.type(m.key, "string");
  assert.is(m.text, "x * sigma(x) + 1");
  for (const copy of [n.clone(), n.cloneDeep(), n.map((c) => c)]) assert.is(peekMemo(copy), undefined);
});

test("a node with values kept equals (mathjs), prints (JSON, toString) and lists its properties as one without, on 200 random functions", () => {
  for (const text of randomFunctions(200, 3501, 3)) {
    const kept = withoutParens(math.parse(text));
    const fresh = withoutParens(math.parse(text));
    kept.traverse((n) => {
      keyOf(n);
      printed(n);
    });
    assert.ok(kept.equals(fresh), `${text}: mathjs's equals`);
    assert.is(JSON.stringify(kept), JSON.stringify(fresh), text);
    assert.is(kept.toString(), fresh.toString(), text);
    assert.equal(Object.keys(kept), Object.keys(fresh), text);
    assert.ok(peekMemo(kept) !== undefined && peekMemo(fresh) === undefined, text);
  }
});

test.run();
