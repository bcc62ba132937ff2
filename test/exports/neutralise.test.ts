import { expect } from '@open-wc/testing';
import { isFormulaLike, neutraliseCell } from '../../src/exports/neutralise.js';

describe('exports: neutraliseCell', () => {
  describe('formula payloads get a leading quote', () => {
    const payloads: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+1+1', "'+1+1"],
      ['-1+1', "'-1+1"],
      ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
      // A tab or CR is also a separator: the cell after it is guarded too (see below).
      ['\t=1', "'\t'=1"],
      ['\r=1', "'\r'=1"],
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

  describe('after a separator inside the cell, a quote after the separator (issue 18)', () => {
    const cases: [string, string][] = [
      ['a;=1+1', "a;'=1+1"],
      ['a,=1', "a,'=1"],
      ['a|@SUM(1)', "a|'@SUM(1)"],
      ['a\t+1', "a\t'+1"],
      ['x\n-1', "x\n'-1"],
      ['x\r\n=1', "x\r\n'=1"],
      ['x\r=1', "x\r'=1"],
      ['a; =1', "a;' =1"],
      ['a;"=1', 'a;\'"=1'],
      ['a;\u200B＝1', "a;'\u200B＝1"],
      ['a;;=1', "a;;'=1"],
      ['a,\n=1', "a,'\n'=1"],
      ['=a;=b', "'=a;'=b"],
    ];
    for (const [input, output] of cases) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(output)}`, () => {
        expect(neutraliseCell(input)).to.equal(output);
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
      'Rua A, 1000',
      'a;b|c\td',
      'one\r\ntwo',
      "a;'=1",
    ]) {
      it(JSON.stringify(input), () => {
        expect(neutraliseCell(input)).to.equal(input);
      });
    }
  });
});

/** Issue 21: invisible and look-alike characters before a trigger, decided per character. */
describe('exports: neutraliseCell, leading characters (issue 21)', () => {
  const hex = (c: string): string =>
    `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const range = (from: number, to: number): string[] =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
  /** Skipped before a trigger: C0 controls, DEL, C1, soft hyphen, bidi and zero-width, BOM. */
  const LEADING = [
    ...range(0x00, 0x1f),
    '\u007F',
    ...range(0x80, 0x9f),
    '\u00AD',
    '\u061C',
    ...range(0x200b, 0x200f),
    ...range(0x202a, 0x202e),
    ...range(0x2060, 0x2064),
    ...range(0x2066, 0x2069),
    '\uFEFF',
  ];
  /** Read as `= + - @` by some spreadsheet. */
  const TRIGGERS = [
    '=',
    '+',
    '-',
    '@',
    '\u2212',
    '\uFF1D',
    '\uFF0B',
    '\uFF0D',
    '\uFF20',
    '\uFE62',
    '\uFE63',
    '\uFE66',
    '\uFE6B',
    '\u207A',
    '\u207C',
    '\u208A',
    '\u208C',
    '\uFB29',
    '\u2A75',
    '\u2A76',
  ];

  it(`guards every trigger after every leading character (${LEADING.length} × ${TRIGGERS.length})`, () => {
    const missed: string[] = [];
    for (const lead of LEADING) {
      for (const trigger of TRIGGERS) {
        // A tab, CR or LF is also a separator: what follows it is guarded too (issue 18).
        const separator = /[\t\r\n]/.test(lead);
        const cases = [
          [`${lead}${trigger}1+1`, separator ? `'${lead}'${trigger}1+1` : null],
          [`${lead}${lead} ${trigger}1`, separator ? `'${lead}${lead}' ${trigger}1` : null],
        ];
        for (const [cell, guarded] of cases) {
          if (neutraliseCell(cell!) !== (guarded ?? `'${cell}`))
            missed.push(`${hex(lead)} ${hex(trigger)}`);
        }
      }
    }
    expect(missed, missed.join(', ')).to.deep.equal([]);
  });

  it('guards each trigger on its own', () => {
    for (const trigger of TRIGGERS) expect(neutraliseCell(`${trigger}1`)).to.equal(`'${trigger}1`);
  });

  it('leaves a leading character before ordinary text alone', () => {
    const changed = LEADING.filter((lead) => !/[\t\r\n]/.test(lead))
      .map((lead) => `${lead}Contoso`)
      .filter((cell) => neutraliseCell(cell) !== cell);
    expect(changed.map((c) => hex(c))).to.deep.equal([]);
  });

  it('does not guard symbols no spreadsheet reads as a trigger (➕ ➖, dashes)', () => {
    for (const c of ['\u2795', '\u2796', '\u2010', '\u2013', '\u2014', '\u2015', '\u02D7']) {
      expect(neutraliseCell(`${c}1`), hex(c)).to.equal(`${c}1`);
    }
  });
});
