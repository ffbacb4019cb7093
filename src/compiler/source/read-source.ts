import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { LIMIT_ENV, limits } from '../limits.ts';

/**
 * Decodes and normalises a source file: rejects binary input, removes a BOM, turns CRLF/CR
 * into LF and normalises to NFC. Offsets used everywhere else refer to the returned text.
 */
export function readSource(bytes: Uint8Array, file: VFile): string | null {
  const limit = limits();
  // Checked on the bytes, before decoding: a file over the limit costs nothing more.
  if (bytes.length > limit.sourceBytes) {
    const at = positionOfByte(bytes, limit.sourceBytes);
    report(file, 'source/too-large', `Unexpected source of ${bytes.length} bytes: the limit is ${limit.sourceBytes} bytes, crossed here; split the document, or raise ${LIMIT_ENV.sourceBytes} (README “Limits”)`, at.line, at.column);
    return null;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = placeOfByte(bytes, nul);
    report(file, 'source/binary', 'Unexpected NUL byte: source.txt must be UTF-8 text, not a binary file (remove the NUL, or re-export the text as UTF-8)', line, column);
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const { line, column } = placeOfByte(bytes, firstInvalidUtf8(bytes));
    report(file, 'source/binary', 'Unexpected invalid UTF-8 sequence: save source.txt as UTF-8', line, column);
    return null;
  }
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    file.data.preRemoved = { ...file.data.preRemoved, 'source/bom': 1 };
  }
  text = text.replace(/\r\n?/g, '\n').normalize('NFC');
  const long = firstLongLine(text, limit.lineChars);
  if (long) {
    report(file, 'source/line-too-long', `Unexpected line of ${long.length} characters: the limit is ${limit.lineChars}, crossed at this column; break the line where the document breaks, or raise ${LIMIT_ENV.lineChars} (README “Limits”)`, long.line, limit.lineChars + 1);
    return null;
  }
  if (!/\S/u.test(text)) {
    report(file, 'source/empty', 'Unexpected empty source: source.txt holds no text', 1);
    return null;
  }
  // Rule structure/replacement-char: U+FFFD stands for a character lost before the file
  // reached us (or a lone surrogate written by a UTF-16 tool); it is kept, and each line says so.
  if (text.includes('\uFFFD')) {
    text.split('\n').forEach((line, i) => {
      const column = line.indexOf('\uFFFD');
      if (column >= 0) report(file, 'structure/replacement-char', 'Unexpected U+FFFD replacement character: a character was lost before source.txt was saved; it is kept as is', i + 1, column + 1);
    });
  }
  return text;
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Sequence length and the allowed range of the second byte (no overlongs, no surrogates).
    const [n, lo, hi] = b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf] : b === 0xe0 ? [2, 0xa0, 0xbf] : b === 0xed ? [2, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [2, 0x80, 0xbf] : b === 0xf0 ? [3, 0x90, 0xbf] : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf] : b === 0xf4 ? [3, 0x80, 0x8f] : [0, 0, 0];
    if (n === 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}

/** Line and column (in characters, as an editor counts them) of the byte at `index`. */
function placeOfByte(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index; i++) {
    // LF, CRLF (counted at its LF) and a lone CR each end a line, as readSource normalises them.
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, index)).replace(/^\uFEFF/u, '');
  return { line, column: [...before].length + 1 };
}

/**
 * Line and column (in characters) of byte `offset`, which may fall inside a character: the
 * character holding it is the last one starting at or before it (UTF-8 continuation bytes,
 * 10xxxxxx, start none).
 */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 0;
  for (let i = lineStart; i <= offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** The first line longer than `max` characters, found with indexOf (no split of a huge file). */
function firstLongLine(text: string, max: number): { line: number; length: number } | null {
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > max) return { line, length: end - start };
    start = end + 1;
    line++;
  }
  return null;
}
