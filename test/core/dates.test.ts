import { expect } from '@open-wc/testing';
import { formatDate } from '../../src/core/dates.js';

const ZONES = ['America/Sao_Paulo', 'UTC', 'Asia/Tokyo', 'Pacific/Kiritimati'];

/** What Intl shows for an instant in a zone: the expected text, engine wording included. */
function shown(value: string, timeZone: string, withTime = false): string {
  return new Intl.DateTimeFormat('en', {
    dateStyle: 'medium',
    timeStyle: withTime ? 'short' : undefined,
    timeZone,
  }).format(new Date(value));
}

describe('core/dates', () => {
  describe('formatDate', () => {
    it('shows a date-only value as the same calendar day in every time zone', () => {
      // Parsed as UTC midnight and shown in the zone, it would be the day before in São Paulo.
      expect(shown('2026-11-30', 'America/Sao_Paulo')).to.equal('Nov 29, 2026');
      for (const zone of ZONES) {
        expect(formatDate('2026-11-30', 'en', false, zone), zone).to.equal('Nov 30, 2026');
        expect(formatDate('2026-01-01', 'en', false, zone), zone).to.equal('Jan 1, 2026');
      }
      expect(formatDate('2026-11-30', 'en')).to.equal('Nov 30, 2026');
    });

    it('never adds a time to a date-only value', () => {
      for (const zone of ZONES) {
        expect(formatDate('2026-11-30', 'en', true, zone), zone).to.equal('Nov 30, 2026');
      }
    });

    it('shows a timestamp on its day in the given time zone', () => {
      const at = '2026-11-30T12:00:00Z';
      expect(formatDate(at, 'en', false, 'America/Sao_Paulo')).to.equal('Nov 30, 2026');
      expect(formatDate(at, 'en', false, 'UTC')).to.equal('Nov 30, 2026');
      expect(formatDate(at, 'en', false, 'Asia/Tokyo')).to.equal('Nov 30, 2026');
      expect(formatDate(at, 'en', false, 'Pacific/Kiritimati')).to.equal('Dec 1, 2026');
      const early = '2026-11-01T01:30:00Z';
      expect(formatDate(early, 'en', false, 'America/Sao_Paulo')).to.equal('Oct 31, 2026');
      expect(formatDate(early, 'en', false, 'UTC')).to.equal('Nov 1, 2026');
    });

    it('shows a timestamp with its time in the given time zone', () => {
      const at = '2026-11-01T09:00:00.000Z';
      for (const zone of ZONES) {
        expect(formatDate(at, 'en', true, zone), zone).to.equal(shown(at, zone, true));
      }
      expect(formatDate(at, 'en', true, 'UTC')).to.match(/^Nov 1, 2026.*9:00\sAM$/);
      expect(formatDate(at, 'en', true, 'Asia/Tokyo')).to.match(/^Nov 1, 2026.*6:00\sPM$/);
    });

    it("shows a timestamp in the user's time zone by default", () => {
      const at = '2026-11-01T01:30:00Z';
      const local = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(at));
      expect(formatDate(at, 'en')).to.equal(local);
      const localTime = new Intl.DateTimeFormat('en', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(at));
      expect(formatDate(at, 'en', true)).to.equal(localTime);
    });

    it('formats in the locale given', () => {
      expect(formatDate('2026-11-30', 'pt-BR', false, 'America/Sao_Paulo')).to.match(/^30 de nov/);
      expect(formatDate('2026-11-30', 'en-GB', false, 'Asia/Tokyo')).to.equal('30 Nov 2026');
    });

    it('returns the raw text when it does not parse', () => {
      expect(formatDate('not a date', 'en')).to.equal('not a date');
      expect(formatDate('2026-13-45', 'en', false, 'UTC')).to.equal('2026-13-45');
      expect(formatDate('', 'en', true)).to.equal('');
    });
  });
});
