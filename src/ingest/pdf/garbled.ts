/**
 * Notices a text layer whose characters are wrong. Some PDF writers embed font subsets
 * with a broken ToUnicode table, so that PDF.js reads `지î혁신` for `지역혁신`: Latin-1
 * letters inside Hangul words never occur in real Korean text. Such lines are reported,
 * not repaired — the right characters are not in the file.
 */
/** Latin-1 letters (À…ÿ without × and ÷) touching a Hangul syllable, or U+FFFD. */
const L1 = '[\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF]';
const MIXED = new RegExp(`[가-힣]${L1}|${L1}[가-힣]|\\uFFFD`, 'u');

export function garbledWarning(texts: string[]): string | null {
  const bad = texts.filter((t) => MIXED.test(t));
  if (bad.length === 0) return null;
  const sample = bad[0]!.match(new RegExp(`\\S*(?:${MIXED.source})\\S*`, 'u'))?.[0] ?? bad[0]!.slice(0, 20);
  return (
    `${bad.length} paragraph(s) hold characters that cannot be right (e.g. “${sample}”): the PDF's fonts map some glyphs to wrong ` +
    'characters (a broken ToUnicode table). Their text is unreliable; check it against the PDF or take the text from the original file.'
  );
}
