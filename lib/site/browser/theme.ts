/**
 * The reader's colour scheme before the first paint (bundled into assets/theme.js, see
 * `themeScript`, and loaded in the page's head without `defer`, so it runs before the
 * body is drawn and the page never flashes the other scheme): when the reader chose
 * one with the header's toggle (localStorage THEME_STORAGE_KEY), it sets THEME_ATTR on
 * <html>, which the stylesheet reads; otherwise the page follows prefers-color-scheme.
 * Runs in the reader's browser: nothing here may import a Node module.
 */
import { THEME_ATTR, THEME_STORAGE_KEY } from "./markers";

try {
  const chosen = localStorage.getItem(THEME_STORAGE_KEY);
  if (chosen === "light" || chosen === "dark") document.documentElement.setAttribute(THEME_ATTR, chosen);
} catch {
  // storage blocked (private mode, file: URLs in some browsers): the system's scheme
}
