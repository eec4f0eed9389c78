/**
 * A URL- and id-friendly form of a text: lower case, accents dropped, every run
 * of characters other than letters and digits (any script) turned into "-".
 *
 * @param text any string, e.g. a heading "The derivative of σ(z)"
 * @param fallback used when nothing is left (default "section")
 * @returns e.g. "the-derivative-of-σ-z"
 */
export function slugify(text: string, fallback = "section"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug || fallback;
}

/**
 * Makes a slug unique within a page or a site by appending "-2", "-3", ….
 *
 * @param slug the wanted name
 * @param taken names in use; the returned name is added to it
 * @returns the slug, or the first free numbered variant
 */
export function uniqueSlug(slug: string, taken: Set<string>): string {
  let name = slug;
  for (let n = 2; taken.has(name); n++) name = `${slug}-${n}`;
  taken.add(name);
  return name;
}
