// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import compile from './src/site/integrations/compile.ts';
import pagefind from './src/site/integrations/pagefind.ts';

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
      remarkPlugins: [[remarkGfm, { singleTilde: false }]],
      remarkRehype: {
        footnoteLabel: '각주',
        footnoteLabelTagName: 'h2',
        // remark-rehype hides the label (`sr-only`) by default; ours is a visible section title.
        footnoteLabelProperties: { className: ['footnotes-label'] },
        // Footnote anchors are permalinks (`#fn-L40`, `#fnref-L40`); the default
        // `user-content-` prefix only guards untrusted HTML, which MDX text never is.
        clobberPrefix: '',
        footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
          `본문 ${referenceIndex + 1}번째 참조 위치로 돌아가기` +
          (rereferenceIndex > 1 ? ` (${rereferenceIndex})` : ''),
      },
    }),
  },
  // The compiler must run before MDX is loaded; Pagefind must run after HTML is written.
  integrations: [compile(), mdx(), pagefind()],
});
