import { expect } from '@open-wc/testing';
import type { Invoice } from '../../src/core/types.js';
import { generatePdf, setPdfWorkerFactory } from '../../src/exports/pdf.js';
import { documentInvoice, pngLogo } from './document.fixture.js';
import { pdfText } from './pdf-text.js';

const served: string[] = [];
/** Serves `blob` at a URL of this page's origin (a blob: URL), until the suite ends. */
const serve = (blob: Blob): string => {
  const url = URL.createObjectURL(blob);
  served.push(url);
  return url;
};

const withLogo = (logoUrl: string): Invoice =>
  documentInvoice({ issuer: { ...documentInvoice().issuer!, logoUrl } });

/** Whether the PDF embeds an image (an image XObject), and its text. */
async function made(logoUrl: string) {
  const result = await generatePdf(withLogo(logoUrl), { compress: false });
  const raw = await result.blob.text();
  return {
    result,
    embedded: /\/Subtype\s*\/Image\b/.test(raw),
    linked: raw.includes(logoUrl),
    text: await pdfText(result.blob),
  };
}

/** This page's own path of a file of the repository (served by the test server). */
const otherOrigin = (path: string): string => {
  const url = new URL(path, location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.href;
};

describe("exports: the issuer's logo in the PDF (issue 18)", () => {
  after(() => served.forEach((url) => URL.revokeObjectURL(url)));

  it('embeds a PNG of this origin as an image, not a link, made in the worker', async () => {
    const { result, embedded, linked, text } = await made(serve(await pngLogo()));
    expect(result.inWorker).to.equal(true);
    expect(result.warnings).to.deep.equal([]);
    expect(embedded).to.equal(true);
    expect(linked).to.equal(false);
    expect(text).to.include('Nuvem Revenda Ltda.');
  });

  it('embeds it as well when the main thread makes the PDF (no worker)', async () => {
    setPdfWorkerFactory(() => {
      throw new Error('no workers here');
    });
    try {
      const { result, embedded } = await made(serve(await pngLogo()));
      expect(result.inWorker).to.equal(false);
      expect(result.warnings).to.deep.equal([]);
      expect(embedded).to.equal(true);
    } finally {
      setPdfWorkerFactory(undefined);
    }
  });

  it("resolves a relative URL against the page, not against the worker's script", async () => {
    // From this page's directory; from the worker's (src/exports/) the same path is a 404.
    const depth = location.pathname.split('/').length - 2;
    const relative = `${'../'.repeat(depth)}docs/screenshots/table.png`;
    const { result, embedded } = await made(relative);
    expect(result.warnings).to.deep.equal([]);
    expect(embedded).to.equal(true);
  });

  const refusals: [string, () => Promise<string> | string, RegExp][] = [
    ['a javascript: URL', () => 'javascript:alert(1)', /neither https nor/],
    [
      'plain http on another origin',
      () => otherOrigin('/docs/screenshots/table.png'),
      /neither https nor/,
    ],
    [
      // test/adapters/redirect-server.mjs: a redirect to the other host name (plain http).
      'a redirect to plain http on another origin',
      () => new URL('/__redirect/cross/302/invoices/logo', location.href).href,
      /redirected to an address that is not allowed/,
    ],
    [
      'a redirect on this origin to what is no image',
      () => new URL('/__redirect/same/302/invoices/logo', location.href).href,
      /not a PNG or JPEG/,
    ],
    ['a 404', () => new URL('/no-such-logo.png', location.href).href, /answered 404/],
    [
      'text, not an image',
      () => serve(new Blob(['<svg/> not a PNG'], { type: 'image/png' })),
      /not a PNG or JPEG/,
    ],
    [
      'over 1 MB',
      async () => {
        const png = new Uint8Array(await (await pngLogo()).arrayBuffer());
        const big = new Uint8Array(1024 * 1024 + 1);
        big.set(png);
        return serve(new Blob([big], { type: 'image/png' }));
      },
      /larger than/,
    ],
    [
      'a PNG signature over bytes that are no image',
      () =>
        serve(
          new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])]),
        ),
      /could not be read/,
    ],
  ];
  for (const [what, url, why] of refusals) {
    it(`makes the PDF without the logo, and says so, for ${what}`, async () => {
      const { result, embedded, text } = await made(await url());
      expect(result.warnings).to.have.length(1);
      expect(result.warnings[0]).to.match(why);
      expect(embedded).to.equal(false);
      // The rest of the document is there.
      expect(text).to.include('Nuvem Revenda Ltda.');
      expect(text).to.include('Contoso Ltda.');
    });
  }
});
