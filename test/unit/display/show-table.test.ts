import { suite } from "uvu";
import * as assert from "uvu/assert";
import { tableBundle } from "../../../lib/display/show-table";

const test = suite("tableBundle");

test("should write named columns as column headers and a column without a name as an empty data cell, never an empty header", () => {
  const bundle = tableBundle({
    columns: ["", "∂J/∂w₁", " "],
    rows: [
      ["analytic", 0.5, 1],
      ["numeric", 0.25, 2],
    ],
  });
  const html = bundle["text/html"] as string;
  const head = /<thead><tr>(.*?)<\/tr><\/thead>/.exec(html)![1];
  assert.is(head, '<td></td><th scope="col">∂J/∂w₁</th><td></td>');
  assert.not.match(html, /<th[^>]*>\s*<\/th>/);
  assert.ok(html.includes('<td style="text-align:left">analytic</td><td style="text-align:right">0.500000</td>'));
  // the text form keeps the columns aligned as before
  assert.is((bundle["text/plain"] as string).split("\n")[2], "analytic  0.500000  1");
});

test.run();
