/**
 * Saving a finished file (exports/save-file.ts): the server URL check, and the default saver's
 * temporary `<a>` inside the element's shadow root. The anchor's click is caught and prevented,
 * so no real download starts.
 */
import { expect } from '@open-wc/testing';
import { allowedDownloadUrl, saveWithAnchor, type SavedFile } from '../../src/exports/save-file.js';

interface Clicked {
  href: string;
  download: string;
  target: string;
  rel: string;
  hidden: boolean;
  inShadowRoot: boolean;
}

/** Saves `file` from a host with a shadow root; returns what the clicked anchor carried. */
function save(file: SavedFile): { clicked: Clicked[]; host: HTMLElement } {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  document.body.append(host);
  const clicked: Clicked[] = [];
  root.addEventListener('click', (event) => {
    const a = event.target as HTMLAnchorElement;
    clicked.push({
      href: a.href,
      download: a.download,
      target: a.target,
      rel: a.rel,
      hidden: a.hidden,
      inShadowRoot: a.getRootNode() === root,
    });
    event.preventDefault();
  });
  try {
    saveWithAnchor(file, host);
  } finally {
    host.remove();
  }
  return { clicked, host };
}

describe('exports/save-file', () => {
  describe('allowedDownloadUrl', () => {
    const base = 'https://app.example.com/portal/invoices';

    it('allows https anywhere, and same-origin URLs (relative ones resolve against the page)', () => {
      expect(allowedDownloadUrl('https://files.example.com/a.pdf', base)).to.deep.equal({
        url: 'https://files.example.com/a.pdf',
        sameOrigin: false,
      });
      expect(allowedDownloadUrl('/files/a.csv', base)).to.deep.equal({
        url: 'https://app.example.com/files/a.csv',
        sameOrigin: true,
      });
      expect(allowedDownloadUrl('/files/a.csv', 'http://localhost:8000/')).to.deep.equal({
        url: 'http://localhost:8000/files/a.csv',
        sameOrigin: true,
      });
    });

    it('refuses http from another origin, script and data URLs, and what does not parse', () => {
      for (const url of [
        'http://evil.example.com/a.pdf',
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'https://[not a host',
      ]) {
        expect(allowedDownloadUrl(url, base), url).to.equal(null);
      }
    });

    it('resolves against the page by default', () => {
      expect(allowedDownloadUrl('/x.csv')).to.deep.equal({
        url: `${location.origin}/x.csv`,
        sameOrigin: true,
      });
    });
  });

  describe('saveWithAnchor', () => {
    it('clicks a hidden <a download> with an object URL of the Blob, inside the shadow root', () => {
      const blob = new Blob(['a,b'], { type: 'text/csv' });
      const { clicked, host } = save({ kind: 'blob', blob, filename: 'inv.csv' });
      expect(clicked).to.have.length(1);
      expect(clicked[0].href.startsWith('blob:')).to.equal(true);
      expect(clicked[0]).to.include({ download: 'inv.csv', hidden: true, inShadowRoot: true });
      // The anchor is gone again; nothing was added to the page.
      expect(host.shadowRoot!.querySelector('a')).to.equal(null);
    });

    it('names a same-origin URL with download', () => {
      const url = `${location.origin}/files/inv.pdf`;
      const { clicked } = save({ kind: 'url', url, filename: 'inv.pdf', sameOrigin: true });
      expect(clicked).to.deep.equal([
        { href: url, download: 'inv.pdf', target: '', rel: '', hidden: true, inShadowRoot: true },
      ]);
    });

    it('opens a cross-origin URL in a new tab, without opener or referrer', () => {
      const url = 'https://files.example.com/inv.pdf';
      const { clicked } = save({ kind: 'url', url, filename: 'inv.pdf', sameOrigin: false });
      expect(clicked).to.deep.equal([
        {
          href: url,
          download: '',
          target: '_blank',
          rel: 'noopener noreferrer',
          hidden: true,
          inShadowRoot: true,
        },
      ]);
    });
  });
});
