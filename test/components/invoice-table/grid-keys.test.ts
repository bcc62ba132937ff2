import { expect } from '@open-wc/testing';
import { nextRowIndex } from '../../../src/components/invoice-table/grid-keys.js';

describe('nextRowIndex', () => {
  it('opens with Enter', () => {
    expect(nextRowIndex('Enter', 3, 10, 5)).to.equal('open');
  });

  it('moves one row with the arrows', () => {
    expect(nextRowIndex('ArrowDown', 3, 10, 5)).to.equal(4);
    expect(nextRowIndex('ArrowUp', 3, 10, 5)).to.equal(2);
  });

  it('stops the arrows at the first and last rows', () => {
    expect(nextRowIndex('ArrowUp', 0, 10, 5)).to.equal(0);
    expect(nextRowIndex('ArrowDown', 9, 10, 5)).to.equal(9);
  });

  it('goes to the first and last rows with Home and End', () => {
    expect(nextRowIndex('Home', 7, 10, 5)).to.equal(0);
    expect(nextRowIndex('End', 2, 10, 5)).to.equal(9);
    expect(nextRowIndex('Home', 0, 10, 5)).to.equal(0);
    expect(nextRowIndex('End', 9, 10, 5)).to.equal(9);
  });

  it('moves a page with PageUp and PageDown', () => {
    expect(nextRowIndex('PageDown', 2, 100, 8)).to.equal(10);
    expect(nextRowIndex('PageUp', 50, 100, 8)).to.equal(42);
  });

  it('stops PageUp and PageDown at the edges', () => {
    expect(nextRowIndex('PageDown', 95, 100, 8)).to.equal(99);
    expect(nextRowIndex('PageUp', 3, 100, 8)).to.equal(0);
  });

  it('stays on the only row', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']) {
      expect(nextRowIndex(key, 0, 1, 5), key).to.equal(0);
    }
  });

  it('moves nowhere with no rows', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']) {
      expect(nextRowIndex(key, 0, 0, 5), key).to.equal(null);
    }
  });

  it('leaves other keys alone', () => {
    for (const key of ['Tab', ' ', 'a', 'ArrowLeft', 'ArrowRight', 'Escape']) {
      expect(nextRowIndex(key, 3, 10, 5), key).to.equal(null);
    }
  });
});
