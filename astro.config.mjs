// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeFootnoteSearch from './src/site/markdown/rehype-footnote-search.ts';
import remarkHeadingBlocks from './src/site/markdown/remark-heading-blocks.ts';
import remarkVerifyText from './src/site/markdown/remark-verify-text.ts';
import atomicOutput from './src/site/integrations/atomic-output.ts';
import compile from './src/site/integrations/compile.ts';
import pagefind from './src/site/integrations/pagefind.ts';
import permalinks from './src/site/integrations/permalinks.ts';
import security from './src/site/integrations/security.ts';

export default defineConfig({
  // Placeholder origin until the real host is chosen; used for canonical URLs and citations.
  site: 'https://cluster-kb.example',
  // Every page is a directory (`/docs/<id>/`), so every permalink ends in a slash.
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Source lines are shown verbatim in <Pre>; Shiki would add theme colours that fight
    // our light/dark styles and inline `style` attributes.
    syntaxHighlight: false,
    processor: unified({
      // Our own remark-gfm instead of the built-in one so its options are explicit:
      // `singleTilde: false` keeps Korean ranges like `’23~’25` from becoming strikethrough.
      gfm: false,
      // SmartyPants would rewrite quotes, dashes and `...` in the source text; the
      // knowledge base must show every character as written.
      smartypants: false,
      remarkPlugins: [[remarkGfm, { singleTilde: false }], remarkVerifyText, remarkHeadingBlocks],
      rehypePlugins: [rehypeFootnoteSearch],
      remarkRehype: {
        footnoteLabel: '각주',
        footnoteLabelTagName: 'h2',
        // remark-rehype hides the label (`sr-only`) by default; ours is a visible section title.
        footnoteLabelProperties: { className: ['footnotes-label'] },
        // Footnote anchors are permalinks (`#fn-l40`, `#fnref-l40`: remark-rehype lowercases
        // the label); the default
        // `user-content-` prefix only guards untrusted HTML, which MDX text never is.
        clobberPrefix: '',
        footnoteBackLabel: (/** @type {number} */ referenceIndex, /** @type {number} */ rereferenceIndex) =>
          `본문의 각주 ${referenceIndex + 1} 위치로 돌아가기` +
          (rereferenceIndex > 1 ? ` (${rereferenceIndex}번째 참조)` : ''),
      },
    }),
  },
  // The compiler must run before MDX is loaded; search, the permalink check (and redirect
  // pages) and the Content-Security-Policy run after the HTML is written, in that order.
  // atomicOutput stays last: the build is written to `.dist.partial/` and swapped into
  // `dist/` only after every other step succeeded.
  integrations: [compile(), mdx(), pagefind(), permalinks(), security(), atomicOutput()],
});
