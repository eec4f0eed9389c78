import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotErrorVsStep } from "../../../lib/charts";
import { throwsError } from "./helpers";

const s = suite("plotErrorVsStep");

s("should use log axes on both x and y", () => {
  const fig = plotErrorVsStep([{ h: 0.1, error: 0.01 }]);
  assert.is(fig.layout.xaxis.type, "log");
  assert.is(fig.layout.yaxis.type, "log");
});

s("should draw rows in ascending h without reordering the input", () => {
  const rows = [
    { h: 1e-2, error: 3e-2 },
    { h: 1e-6, error: 4e-6 },
    { h: 1e-4, error: 5e-4 },
  ];
  const fig = plotErrorVsStep(rows, { name: "forward difference" });
  assert.equal(fig.data[0].x, [1e-6, 1e-4, 1e-2]);
  assert.equal(fig.data[0].y, [4e-6, 5e-4, 3e-2]);
  assert.is(fig.data[0].name, "forward difference");
  assert.is(rows[0].h, 1e-2);
});

s("should drop zero errors by default and raise them to the floor when given", () => {
  const rows = [
    { h: 1e-8, error: 0 },
    { h: 1e-4, error: 2e-8 },
  ];
  assert.equal(plotErrorVsStep(rows).data[0].y, [null, 2e-8]);
  assert.equal(plotErrorVsStep(rows, { floor: 1e-18 }).data[0].y, [1e-18, 2e-8]);
});

s("should draw non-finite errors as gaps", () => {
  const fig = plotErrorVsStep([
    { h: 1, error: NaN },
    { h: 2, error: Infinity },
    { h: 3, error: 1 },
  ]);
  assert.equal(fig.data[0].y, [null, null, 1]);
});

s("should draw several named series in distinct colours", () => {
  const fig = plotErrorVsStep([
    { name: "forward", rows: [{ h: 0.1, error: 0.1 }] },
    { name: "central", rows: [{ h: 0.1, error: 0.01 }], dash: "dash" },
  ]);
  assert.equal(
    fig.data.map((t) => t.name),
    ["forward", "central"],
  );
  assert.is.not(fig.data[0].line.color, fig.data[1].line.color);
  assert.is(fig.data[1].line.dash, "dash");
  assert.ok(fig.data.every((t) => t.mode === "lines+markers"));
  assert.is(plotErrorVsStep([{ h: 1, error: 1 }]).data[0].name, "error");
});

s("should throw for bad input", () => {
  throwsError(() => plotErrorVsStep([]), RangeError, /plotErrorVsStep: input must be a non-empty array, got \[\]/);
  throwsError(
    () => plotErrorVsStep(undefined as never),
    TypeError,
    /plotErrorVsStep: input must be a non-empty array, got undefined/,
  );
  throwsError(() => plotErrorVsStep([{ name: "", rows: [] }]), TypeError, /series 0 needs a non-empty name/);
  throwsError(
    () => plotErrorVsStep([{ h: 0, error: 1 }]),
    RangeError,
    /h must be finite and > 0 \(error, row 0\), got 0/,
  );
  throwsError(() => plotErrorVsStep([{ h: Infinity, error: 1 }]), RangeError, /got Infinity/);
  throwsError(() => plotErrorVsStep([{ h: 1, error: -1e-9 }]), RangeError, /error must be a number ≥ 0.*got -1e-9/);
  throwsError(
    () => plotErrorVsStep([{ h: 1, error: 1 }], { floor: 0 }),
    RangeError,
    /opts\.floor must be a finite number > 0, got 0/,
  );
  throwsError(
    () => plotErrorVsStep([{ h: 1, error: 1 }], { title: 3 as never }),
    TypeError,
    /opts\.title must be a string, got 3/,
  );
});

s.run();
