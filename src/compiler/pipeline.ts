import { unified } from 'unified';
import parseLines from './plugins/parse-lines.ts';
import cleanPageLabels from './plugins/clean-page-labels.ts';
import cleanPageChrome from './plugins/clean-page-chrome.ts';
import cleanLeadingSpace from './plugins/clean-leading-space.ts';
import cleanFakeBold from './plugins/clean-fake-bold.ts';
import cleanPuaGlyphs from './plugins/clean-pua-glyphs.ts';
import cleanMiddleDots from './plugins/clean-middle-dots.ts';
import cleanDoubleSpacing from './plugins/clean-double-spacing.ts';
import detectFootnoteBodies from './plugins/detect-footnote-bodies.ts';
import detectContents from './plugins/detect-contents.ts';
import detectTables from './plugins/detect-tables.ts';
import detectCaptions from './plugins/detect-captions.ts';
import cleanDisplacedBlanks from './plugins/clean-displaced-blanks.ts';
import detectBlocks from './plugins/detect-blocks.ts';
import resolveFootnotes from './plugins/resolve-footnotes.ts';
import resolveHierarchy from './plugins/resolve-hierarchy.ts';
import resolveXrefs from './plugins/resolve-xrefs.ts';
import resolveMentions from './plugins/resolve-mentions.ts';
import resolveAnchors from './plugins/resolve-anchors.ts';
import resolveContents from './plugins/resolve-contents.ts';

/**
 * The compiler, as one ordered list of small plugins (parse → clean → detect → resolve).
 * Emitting (mdast → MDX, JSON) and the checks run after it, in compile.ts.
 */
export function createPipeline() {
  return (
    unified()
      .use(parseLines)
      // Line-level cleaning. Page labels go first: they sit between the halves of a word.
      .use(cleanPageLabels)
      // Web-page furniture at the document's edges (captures of web pages).
      .use(cleanPageChrome)
      .use(cleanLeadingSpace)
      // Decoding fake bold must precede everything that reads heading text.
      .use(cleanFakeBold)
      .use(cleanPuaGlyphs)
      .use(cleanMiddleDots)
      .use(cleanDoubleSpacing)
      // Footnote bodies are set aside before zoning, because some sit inside table zones.
      .use(detectFootnoteBodies)
      // A document's own contents list is zoned before tables: its page numbers are tab-separated.
      .use(detectContents)
      .use(detectTables)
      .use(detectCaptions)
      // Displaced blanks are only repaired outside zones, so zoning comes first.
      .use(cleanDisplacedBlanks)
      .use(detectBlocks)
      // Footnotes before nesting: note lines are removed from the block list first.
      .use(resolveFootnotes)
      .use(resolveHierarchy)
      .use(resolveXrefs)
      // Mentions after cross-references: a `<표 2-1>` link is never split into a mention.
      .use(resolveMentions)
      .use(resolveAnchors)
      .use(resolveContents)
  );
}
