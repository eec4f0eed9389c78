/**
 * The math a reader types as it is printed, rewritten into mathjs syntax before parsing: the
 * typographic operators of a rendered formula (− · ⋅ × ÷), superscript powers (x², e⁻ˣ,
 * tanh²(x), sin⁻¹(x)), the root signs √ and ∛, π, and Python's `**`. Plain mathjs text
 * passes unchanged.
 */

/** The typographic operators a reader may copy from a rendered formula (− · ⋅ × ÷), as mathjs writes them. */
const TYPOGRAPHIC: Readonly<Record<string, string>> = {
  "\u2212": "-",
  "\u00b7": "*",
  "\u22c5": "*",
  "\u00d7": "*",
  "\u00f7": "/",
};

/** Superscript characters and what they stand for in an exponent (digits, signs, brackets, the usual variables). */
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁻": "-",
  "⁺": "+",
  "⁽": "(",
  "⁾": ")",
  ˣ: "x",
  ʸ: "y",
  ᶻ: "z",
  ⁿ: "n",
  ᵗ: "t",
  ᵘ: "u",
  ᵏ: "k",
  ᵃ: "a",
  ᵇ: "b",
};

const SUPERSCRIPT_RUN = `[${Object.keys(SUPERSCRIPT).join("")}]+`;

/** Trigonometric and hyperbolic names whose `⁻¹` means the inverse function (sin⁻¹ x = asin x), not a power. */
const INVERTIBLE = new Set(["sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech", "csch", "coth"]);

/** The exponent a run of superscripts writes, in mathjs syntax. */
function exponentOf(run: string): string {
  return [...run].map((c) => SUPERSCRIPT[c]).join("");
}

/** The index of the ")" that closes the "(" at `open`, or -1 when it is not closed. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * A function name with a superscript before its argument, as textbooks write it: tanh²(x) is
 * tanh(x)^2, sin⁻¹(x) is asin(x). The argument must be in brackets; without them the text is
 * left for the superscript pass (tanh² x then reads as a variable and is refused by name).
 */
function poweredCalls(text: string): string {
  const head = new RegExp(`([A-Za-z]+)(${SUPERSCRIPT_RUN})\\s*\\(`, "u");
  let out = text;
  for (let guard = 0; guard < 1000; guard++) {
    const m = head.exec(out);
    if (!m) return out;
    const open = m.index + m[0].length - 1;
    const close = closingBracket(out, open);
    if (close < 0) return out;
    const [name, exponent] = [m[1], exponentOf(m[2])];
    const argument = out.slice(open, close + 1);
    const call = exponent === "-1" && INVERTIBLE.has(name) ? `a${name}${argument}` : `${name}${argument}^(${exponent})`;
    out = out.slice(0, m.index) + call + out.slice(close + 1);
  }
  return out;
}

/**
 * An expression as a reader may type or copy it, in mathjs syntax: − · ⋅ × ÷ as - * * * /;
 * `**` as `^`; π as pi; √u and ∛u (u a name or number, with its superscript if any, or a
 * bracket) as sqrt(u) and cbrt(u); a superscript run as a power (x² → x^(2), e⁻ˣ → e^(-x));
 * a function name with a superscript before its bracketed argument as a power of the call
 * (tanh²(x) → tanh(x)^(2)), or with ⁻¹ on a trigonometric or hyperbolic name as its inverse
 * (sin⁻¹(x) → asin(x)).
 *
 * @param expr an expression as typed
 * @returns the text mathjs parses; `expr` itself when it holds none of these characters
 */
export function mathjsNotation(expr: string): string {
  let out = expr.replace(/[\u2212\u00b7\u22c5\u00d7\u00f7]/g, (c) => TYPOGRAPHIC[c]).replace(/\*\*/g, "^");
  if (!/[π√∛\u00b2\u00b3\u00b9\u02b0-\u02ff\u1d00-\u1dbf\u2070-\u209f]/u.test(out)) return out;
  out = out.replace(/π/g, " pi ");
  const token = `(?:[A-Za-z_]\\w*|\\d+(?:\\.\\d+)?)(?:${SUPERSCRIPT_RUN})?`;
  out = out.replace(/√\s*\(/g, "sqrt(").replace(/∛\s*\(/g, "cbrt(");
  out = out
    .replace(new RegExp(`√\\s*(${token})`, "gu"), "sqrt($1)")
    .replace(new RegExp(`∛\\s*(${token})`, "gu"), "cbrt($1)");
  out = poweredCalls(out);
  return out.replace(new RegExp(SUPERSCRIPT_RUN, "gu"), (run) => `^(${exponentOf(run)})`);
}
