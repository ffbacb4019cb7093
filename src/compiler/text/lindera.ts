/**
 * The one lindera tokenizer (ko-dic, embedded in `lindera-wasm`; 42 MB, build-time only, never
 * shipped to the browser). Loaded on first use and shared by the search analyzer and the line
 * joiner, so a build pays for it once.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface LinderaToken {
  surface: string;
  partOfSpeechTag: string;
  /** For ko-dic compounds: `재정/NNG/*+부/NNG/*`. */
  expression?: string;
  type?: string;
}
export interface Tokenizer {
  tokenize(text: string): LinderaToken[];
}

let tokenizer: Tokenizer | null = null;

export function linderaTokenizer(): Tokenizer {
  if (tokenizer) return tokenizer;
  const require = createRequire(import.meta.url);
  const lindera = require('lindera-wasm') as typeof import('lindera-wasm');
  lindera.initSync({ module: readFileSync(require.resolve('lindera-wasm/lindera_wasm_bg.wasm')) });
  const builder = new lindera.TokenizerBuilder();
  builder.setDictionary('embedded://ko-dic');
  builder.setMode('normal');
  tokenizer = builder.build() as unknown as Tokenizer;
  return tokenizer;
}
