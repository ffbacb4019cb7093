import { compileDocument, type CompiledDocument } from '../src/compiler/compile.ts';
import { formatMessage } from '../src/compiler/messages.ts';
import type { VFile } from 'vfile';

export const META = `title: 시험 문서\nkind: other\nissued: "2024"\npublishers: [시험기관]\nauthors: unknown\nsourceUrl: unknown\n`;

/** Compiles a document held in memory; `source` may be text or bytes. */
export function compileText(source: string | Uint8Array, opts: { meta?: string | null; overrides?: string | null; id?: string } = {}): { result: CompiledDocument | null; files: VFile[]; messages: string[] } {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  const { result, files } = compileDocument({ id: opts.id ?? '2024-test-doc', dir: 'content/sources/2024-test-doc', source: bytes, meta: opts.meta === undefined ? META : opts.meta, overrides: opts.overrides ?? null });
  return { result, files, messages: files.flatMap((f) => f.messages.map(formatMessage)) };
}

/** Compiles and fails the test with every message when the compiler stops. */
export function compileOk(source: string, opts: Parameters<typeof compileText>[1] = {}): CompiledDocument {
  const { result, messages } = compileText(source, opts);
  if (!result) throw new Error(`expected the document to compile:\n${messages.join('\n')}`);
  return result;
}

/** MDX with the text's backslash escapes removed, for assertions on what readers see. */
export function unescapeMdx(mdx: string): string {
  return mdx.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The MDX body without frontmatter, unescaped. */
export function body(doc: CompiledDocument): string {
  return unescapeMdx(doc.mdx.replace(/^---\n[\s\S]*?\n---\n\n/, ''));
}
