import { expect } from '@open-wc/testing';
import { isFormulaLike, neutraliseCell } from '../../src/exports/neutralise.js';

describe('exports: neutraliseCell', () => {
  describe('formula payloads get a leading quote', () => {
    const payloads: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+1+1', "'+1+1"],
      ['-1+1', "'-1+1"],
      ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
      ['\t=1', "'\t=1"],
      ['\r=1', "'\r=1"],
      ['\nfoo', "'\nfoo"],
      ['   =HYPERLINK("http://x")', '\'   =HYPERLINK("http://x")'],
      ['\u00A0=1', "'\u00A0=1"],
      ['\u3000=1', "'\u3000=1"],
      ['\u200B=1', "'\u200B=1"],
      ['＝1+1', "'＝1+1"],
      ['＋1', "'＋1"],
      ['－1', "'－1"],
      ['＠SUM(1)', "'＠SUM(1)"],
      ["  ＝cmd|' /C calc'!A0", "'  ＝cmd|' /C calc'!A0"],
      ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ];
    for (const [input, output] of payloads) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(output)}`, () => {
        expect(neutraliseCell(input)).to.equal(output);
        expect(isFormulaLike(input)).to.equal(true);
      });
    }
  });

  describe('ordinary text is unchanged', () => {
    for (const input of [
      '',
      'Contoso',
      'a=b',
      'R&D, "Cloud"',
      '12.50',
      ' x-1',
      'e-mail',
      "'quoted",
    ]) {
      it(JSON.stringify(input), () => {
        expect(neutraliseCell(input)).to.equal(input);
      });
    }
  });
});
