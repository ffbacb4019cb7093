/** The warning for a text layer with impossible characters (a broken ToUnicode table). */
import { describe, expect, it } from 'vitest';
import { garbledWarning } from '../../../src/ingest/pdf/garbled.ts';

describe('garbledWarning', () => {
  it('names Latin-1 letters inside Hangul words and lost characters', () => {
    // As Ghostscript 10.0's pdfwrite left a Chromium-printed report: wrong ToUnicode entries.
    const warning = garbledWarning(['□ 지î 혁신 클러스터는 기업과 대Þ, 연í기관이', '정상적인 문장이다.', '잃어버린 \uFFFD 글자']);
    expect(warning).toMatch(/^2 paragraph\(s\) hold characters that cannot be right \(e\.g\. “지î”\)/u);
  });

  it('is silent for Korean mixed with Latin, accented names and symbols', () => {
    expect(garbledWarning(['ICT R&D 사업의 café 운영과 Müller 교수, 1,240개 기업(±5%)', '「법률」 제22조'])).toBeNull();
  });
});
