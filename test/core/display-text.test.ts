import { expect } from '@open-wc/testing';
import { clip, displayText, ID_MAX, NAME_MAX, TEXT_MAX } from '../../src/core/display-text.js';

describe('core: display text (issue 21)', () => {
  it('keeps text within the limit as it is', () => {
    expect(clip('Contoso', 7)).to.equal('Contoso');
    expect(clip('', 0)).to.equal('');
  });

  it('cuts longer text at the limit with an ellipsis', () => {
    const shown = clip('x'.repeat(50_000), 200);
    expect(shown).to.equal(`${'x'.repeat(200)}…`);
  });

  it('never splits a surrogate pair, an emoji sequence or a letter and its mark', () => {
    // 😀 is two code units: a cut at 5 would fall inside the third one.
    expect(clip('😀'.repeat(10), 5)).to.equal('😀😀…');
    const family = '👨‍👩‍👧'; // 8 code units joined by ZWJ
    expect(clip(`ab${family}${family}`, 6)).to.equal('ab…');
    expect(clip(`ab${family}${family}`, 10)).to.equal(`ab${family}…`);
    expect(clip('e\u0301'.repeat(5), 3)).to.equal('e\u0301…');
  });

  it('removes embeddings, overrides and isolates, and keeps one mark of a run', () => {
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(displayText(`Acme${controls} Ltd`, 200)).to.equal('Acme Ltd');
    expect(displayText(`${'\u202E'.repeat(10_000)}Acme`, 200)).to.equal('Acme');
    expect(displayText(`a${'\u200F'.repeat(10_000)}b\u200Ec`, 200)).to.equal('a\u200Fb\u200Ec');
    expect(displayText('\u05E9\u05DC\u05D5\u05DD', 200)).to.equal('\u05E9\u05DC\u05D5\u05DD');
  });

  it('shows 100 characters of an identifier by default, 200 of a name, 500 of prose', () => {
    expect([ID_MAX, NAME_MAX, TEXT_MAX]).to.deep.equal([100, 200, 500]);
    expect(displayText('x'.repeat(1000))).to.have.length(ID_MAX + 1);
    expect(displayText('x'.repeat(1000), NAME_MAX)).to.have.length(NAME_MAX + 1);
  });
});
