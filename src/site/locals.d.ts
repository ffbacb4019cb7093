/**
 * Request-scoped data a page hands to the components the MDX renders (Astro.locals is shared
 * by the page and every component rendered for it, at build time too).
 */
declare namespace App {
  interface Locals {
    /** Set by /docs/<id>/: the measures each block holds (by anchor), for mdx/MeasureLinks.astro. */
    measureLinks?: ReadonlyMap<string, readonly { url: string; label: string }[]>;
  }
}
