import { expect } from '@open-wc/testing';
import { checkedDownloadUrl } from '../../src/core/urls.js';

describe('checkedDownloadUrl (the download URL rule)', () => {
  const page = 'http://portal.example';

  it('accepts https anywhere, resolving relative URLs against the base', () => {
    expect(checkedDownloadUrl('https://files.example.com/a.pdf', page + '/', page)).to.deep.equal({
      href: 'https://files.example.com/a.pdf',
      sameOrigin: false,
    });
    expect(checkedDownloadUrl('a.csv', 'https://api.example.com/v1/', page)).to.deep.equal({
      href: 'https://api.example.com/v1/a.csv',
      sameOrigin: false,
    });
  });

  it('accepts plain http only on the page origin, and says so', () => {
    expect(checkedDownloadUrl('/files/a.csv', page + '/x', page)).to.deep.equal({
      href: 'http://portal.example/files/a.csv',
      sameOrigin: true,
    });
    expect(checkedDownloadUrl('http://other.example/a.csv', page + '/', page)).to.equal(null);
  });

  it('refuses script, data, file and ftp URLs, non-URLs, and http when there is no page', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://files.example.com/a.csv',
      'http://[::1',
    ]) {
      expect(checkedDownloadUrl(raw, page + '/', page), raw).to.equal(null);
    }
    expect(checkedDownloadUrl('http://portal.example/a.csv', page + '/', null)).to.equal(null);
  });

  it('never treats an opaque origin as the page origin', () => {
    expect(checkedDownloadUrl('data:text/csv,a', page + '/', 'null')).to.equal(null);
  });
});
