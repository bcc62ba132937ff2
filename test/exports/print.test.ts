import { expect } from '@open-wc/testing';
import { printInvoice } from '../../src/exports/print.js';
import { fixtureInvoice } from './fixtures.js';

describe('exports: print', () => {
  it('prints the invoice document in a hidden iframe, then removes it', async () => {
    let printed:
      | { text: string; title: string; rows: number; sameOrigin: boolean; inFrame: boolean }
      | undefined;
    const before = document.querySelectorAll('iframe').length;
    await printInvoice(fixtureInvoice({ documentId: '<img src=x onerror=alert(1)>' }), {
      statusText: 'Open',
      title: 'INV_microsoft_2026-10',
      print: (win) => {
        printed = {
          text: win.document.body.textContent ?? '',
          title: win.document.title,
          rows: win.document.querySelectorAll('tbody tr').length,
          sameOrigin: win.location.href === 'about:blank',
          inFrame: win !== window && win.frameElement !== null,
        };
        expect(win.document.querySelector('img')).to.equal(null);
      },
    });
    expect(printed).to.not.equal(undefined);
    expect(printed!.inFrame).to.equal(true);
    expect(printed!.title).to.equal('INV_microsoft_2026-10');
    // The group "Azure plan": its header row, its three lines, its subtotal row.
    expect(printed!.rows).to.equal(5);
    for (const s of [
      '<img src=x onerror=alert(1)>',
      'Open',
      'October 2026',
      'Contoso Ltda.',
      'PO-7781',
      '$1,361.31',
    ]) {
      expect(printed!.text).to.contain(s);
    }
    expect(document.querySelectorAll('iframe').length).to.equal(before);
  });

  it('removes the iframe when printing fails, and refuses a draft for the customer', async () => {
    const before = document.querySelectorAll('iframe').length;
    let error: unknown;
    try {
      await printInvoice(fixtureInvoice(), {
        print: () => {
          throw new Error('boom');
        },
      });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).to.equal('boom');
    expect(document.querySelectorAll('iframe').length).to.equal(before);

    let refused: unknown;
    try {
      await printInvoice(fixtureInvoice({ status: 'DRAFT' }), {
        audience: 'customer',
        print: () => undefined,
      });
    } catch (e) {
      refused = e;
    }
    expect((refused as Error).name).to.equal('ExportRefusedError');
  });
});
