/**
 * A trie of names over UTF-16 code units, scanned left to right: at each position it follows
 * the text down the trie as far as names continue, reporting every name that ends there. One
 * pass, with lookahead bounded by the longest name. Korean names are BMP text, so code units
 * are characters; no grapheme segmentation is needed (it made a general-purpose Aho–Corasick
 * library 10× slower on this corpus).
 */
interface Node {
  next: Map<number, Node>;
  /** Index of the pattern that ends here, or -1. */
  end: number;
}

export interface TrieMatch {
  start: number;
  end: number;
  patternIndex: number;
}

export class NameTrie {
  private readonly root: Node = { next: new Map(), end: -1 };

  constructor(patterns: readonly string[]) {
    patterns.forEach((p, index) => {
      let node = this.root;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map(), end: -1 };
          node.next.set(c, child);
        }
        node = child;
      }
      node.end = index;
    });
  }

  /** Every occurrence of every pattern (overlaps included), ordered by start then length. */
  search(text: string): TrieMatch[] {
    const out: TrieMatch[] = [];
    for (let start = 0; start < text.length; start++) {
      let node: Node | undefined = this.root.next.get(text.charCodeAt(start));
      let i = start;
      while (node) {
        i++;
        if (node.end >= 0) out.push({ start, end: i, patternIndex: node.end });
        if (i >= text.length) break;
        node = node.next.get(text.charCodeAt(i));
      }
    }
    return out;
  }
}
