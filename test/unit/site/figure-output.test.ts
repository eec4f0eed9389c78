import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotlyFigure } from "../../../lib/site/render/figure-output";

const s = suite("plotlyFigure");
const jsonOf = (html: string) => JSON.parse(/<script type="application\/json">([^<]*)<\/script>/.exec(html)![1]);

s("should accept the figure as an object or as JSON text (a list of lines too)", () => {
  const fig = { data: [{ type: "scatter", x: [0, 1], y: [1, 0] }], layout: { title: { text: "t" } } };
  assert.equal(jsonOf(plotlyFigure(fig, 1, new Set())), fig);
  assert.equal(jsonOf(plotlyFigure(JSON.stringify(fig), 1, new Set())), fig);
  assert.equal(jsonOf(plotlyFigure(['{"data": [],', ' "layout": {}}'], 1, new Set())), { data: [], layout: {} });
});

s("should write <, >, & and line separators as \\u escapes", () => {
  const html = plotlyFigure({ layout: { title: "a</script>&\u2028" } }, 3, new Set());
  assert.ok(html.includes('{"layout":{"title":"a\\u003c/script\\u003e\\u0026\\u2028"}}'));
});

s("should number ids per cell and keep them unique in the page", () => {
  const ids = new Set<string>();
  assert.match(plotlyFigure({}, 3, ids), 'id="plotly-cell-3"');
  assert.match(plotlyFigure({}, 3, ids), 'id="plotly-cell-3-2"');
});

s("should keep four significant digits of the traces' numbers, and integers, text and the layout as they are", () => {
  const fig = {
    data: [
      {
        type: "scatter",
        x: [0, 1, 2],
        y: [0.12345678901234, -2.0000004999, 1e-13 / 3],
        text: ["0.12345678901234"],
        marker: { size: 7, opacity: 0.7500001 },
      },
    ],
    layout: { xaxis: { range: [0.12345678901234, 2] } },
  };
  const out = jsonOf(plotlyFigure(fig, 1, new Set()));
  assert.equal(out.data[0].x, [0, 1, 2]);
  assert.equal(out.data[0].y, [0.1235, -2, 3.333e-14]);
  assert.equal(out.data[0].text, ["0.12345678901234"]);
  assert.is(out.data[0].marker.opacity, 0.75);
  assert.equal(out.layout, fig.layout);
  assert.equal(fig.data[0].y[0], 0.12345678901234, "the figure given is not changed");
});

s("should throw SyntaxError for text that is not JSON", () => {
  assert.throws(
    () => plotlyFigure("{nope", 1, new Set()),
    (e: Error) => e instanceof SyntaxError,
  );
});

s.run();
