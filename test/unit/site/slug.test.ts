import { suite } from "uvu";
import * as assert from "uvu/assert";
import { slugify, uniqueSlug } from "../../../lib/site/render/slug";

const sl = suite("slugify");

sl("should lower-case, drop accents and join words with hyphens, keeping Greek letters", () => {
  assert.is(slugify("The Derivative of σ(z)"), "the-derivative-of-σ-z");
  assert.is(slugify("Café — naïve"), "cafe-naive");
  assert.is(slugify("01-Sigmoid"), "01-sigmoid");
});

sl("should use the fallback when nothing is left", () => {
  assert.is(slugify("!!!"), "section");
  assert.is(slugify("", "notebook"), "notebook");
});

const un = suite("uniqueSlug");

un("should number repeats from 2 and record every name", () => {
  const taken = new Set(["index"]);
  assert.is(uniqueSlug("a", taken), "a");
  assert.is(uniqueSlug("a", taken), "a-2");
  assert.is(uniqueSlug("a", taken), "a-3");
  assert.is(uniqueSlug("index", taken), "index-2");
  assert.equal([...taken], ["index", "a", "a-2", "a-3", "index-2"]);
});

sl.run();
un.run();
