/**
 * The month fields of `<invoice-table>`: a month list named in the element's language and a
 * four-digit year field, the same controls in every browser (docs/RULES.md, "Other rules").
 * The test browsers run in English; the element's `lang` decides the month names.
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define.js';
import type { InvoiceTable } from '../../../src/components/invoice-table/invoice-table.js';
import { loadLocale } from '../../../src/i18n/loader.js';
import { waitUntil } from '../../support/wait.js';
import { $, FakeBackend, TODAY, rowsLoaded, showControls } from './helpers.js';

async function mount(
  backend: FakeBackend,
  lang = 'en',
  period: { from?: string; to?: string } = {},
): Promise<InvoiceTable> {
  if (lang !== 'en') await loadLocale(lang);
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <invoice-table
        .backend=${backend}
        .today=${TODAY}
        .from=${period.from}
        .to=${period.to}
      ></invoice-table>
    </div>`,
  );
  const el = wrapper.querySelector('invoice-table')!;
  await rowsLoaded(el);
  await showControls(el, ['period']);
  return el;
}

const select = (el: InvoiceTable, name: string) =>
  $(el, `select[name="${name}"]`) as HTMLSelectElement;
const year = (el: InvoiceTable, name: string) => $(el, `input[name="${name}"]`) as HTMLInputElement;
const labelOf = (control: HTMLElement): string =>
  (control.closest('label')!.querySelector('span')!.textContent ?? '').trim();
const selectedText = (s: HTMLSelectElement): string => s.selectedOptions[0]!.textContent!.trim();

/** Types a year as a user would: focus, select what is there, type, leave the field. */
async function typeYear(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
}

describe('<invoice-table> month fields', () => {
  it('runs in an English browser (the premise of the language tests)', () => {
    // The browser's own month names, those a native month field would show.
    const browser = new Intl.DateTimeFormat(undefined, { month: 'long', timeZone: 'UTC' });
    expect(browser.format(Date.UTC(2000, 2, 1)), navigator.language).to.equal('March');
  });

  const languages = [
    [
      'pt-BR',
      'Mês inicial',
      'Ano inicial',
      'Mês final',
      'Ano final',
      'janeiro',
      'agosto',
      'outubro',
    ],
    ['es', 'Mes inicial', 'Año inicial', 'Mes final', 'Año final', 'enero', 'agosto', 'octubre'],
    ['en', 'From month', 'From year', 'To month', 'To year', 'January', 'August', 'October'],
  ] as const;
  for (const [lang, fromMonth, fromYear, toMonth, toYear, january, august, october] of languages) {
    it(`${lang}: names the months in the element's language, labelled`, async () => {
      const el = await mount(new FakeBackend([]), lang);
      const from = select(el, 'from-month');
      expect(labelOf(from)).to.equal(fromMonth);
      expect(labelOf(year(el, 'from-year'))).to.equal(fromYear);
      expect(labelOf(select(el, 'to-month'))).to.equal(toMonth);
      expect(labelOf(year(el, 'to-year'))).to.equal(toYear);
      expect(from.options).to.have.length(12);
      expect(from.options[0]!.textContent!.trim()).to.equal(january);
      // The default period: last 3 months, 2026-08 to 2026-10.
      expect(selectedText(from)).to.equal(august);
      expect(year(el, 'from-year').value).to.equal('2026');
      expect(selectedText(select(el, 'to-month'))).to.equal(october);
      // The empty state names the months in the same language.
      const empty = $(el, '[part="empty"]').textContent!;
      expect(empty).to.contain(august);
      expect(empty).to.contain(october);
      expect(empty).to.contain('2026');
      await expect(el).to.be.accessible();
    });
  }

  it('chooses a month by keyboard: the period event carries the new period', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const to = select(el, 'to-month');
    to.focus();
    const change = oneEvent(el, 'invoice-period-change');
    await sendKeys({ press: 'ArrowUp' });
    expect((await change).detail).to.deep.equal({ period: { from: '2026-08', to: '2026-09' } });
    await waitUntil(() => backend.lastQuery.period?.to === '2026-09');
    expect(backend.lastQuery.period).to.deep.equal({ from: '2026-08', to: '2026-09' });
    expect(selectedText(to)).to.equal('September');
  });

  it('takes a typed year: the period event carries the new period', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const change = oneEvent(el, 'invoice-period-change');
    await typeYear(year(el, 'from-year'), '2025');
    expect((await change).detail).to.deep.equal({ period: { from: '2025-08', to: '2026-10' } });
    await waitUntil(() => backend.lastQuery.period?.from === '2025-08');
  });

  for (const typed of ['202', '0012', '1999', '2032', '20x6', '20266']) {
    it(`refuses the year "${typed}" with an announced message, and recovers`, async () => {
      const backend = new FakeBackend();
      const el = await mount(backend);
      const calls = backend.listCalls.length;
      let events = 0;
      el.addEventListener('invoice-period-change', () => events++);
      const input = year(el, 'from-year');
      await typeYear(input, typed);
      await el.updateComplete;
      const error = $(el, '.field-error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent!.trim()).to.equal('Enter a year from 2000 to 2031.');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('period-error');
      expect(input.value).to.equal(typed);
      expect(year(el, 'to-year').getAttribute('aria-invalid')).to.equal('false');
      // Negative check: no request and no event follow an invalid year.
      await aTimeout(50);
      expect(backend.listCalls.length).to.equal(calls);
      expect(events).to.equal(0);
      expect(el.shadowRoot!.textContent).not.to.contain('1912');
      // Typing a valid year clears the message.
      const change = oneEvent(el, 'invoice-period-change');
      await typeYear(input, '2025');
      expect((await change).detail.period).to.deep.equal({ from: '2025-08', to: '2026-10' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.field-error')).to.equal(null);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    });
  }

  it('keeps a year being typed, and its message, while the fields are hidden', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const calls = backend.listCalls.length;
    await typeYear(year(el, 'from-year'), '20x6');
    await el.updateComplete;
    const toggle = $(el, '[part~="period-toggle"]');
    toggle.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input[name="from-year"]')).to.equal(null);
    toggle.click();
    await el.updateComplete;
    expect(year(el, 'from-year').value).to.equal('20x6');
    expect($(el, '.field-error').textContent!.trim()).to.equal('Enter a year from 2000 to 2031.');
    // Negative check: hiding and showing asked nothing of the backend.
    expect(backend.listCalls.length).to.equal(calls);
  });

  it('says the year message in the element language', async () => {
    const el = await mount(new FakeBackend(), 'pt-BR');
    await typeYear(year(el, 'to-year'), '12');
    await el.updateComplete;
    expect($(el, '.field-error').textContent!.trim()).to.equal('Informe um ano de 2000 a 2031.');
  });

  it('refuses a last month before the first, blaming the field just edited', async () => {
    const backend = new FakeBackend();
    const el = await mount(backend);
    const calls = backend.listCalls.length;
    await typeYear(year(el, 'to-year'), '2025');
    await el.updateComplete;
    expect($(el, '.field-error').textContent!.trim()).to.equal(
      'The first month must not be after the last month.',
    );
    expect(year(el, 'to-year').getAttribute('aria-invalid')).to.equal('true');
    expect(select(el, 'to-month').getAttribute('aria-invalid')).to.equal('true');
    expect(year(el, 'from-year').getAttribute('aria-invalid')).to.equal('false');
    // Negative check: no request follows an inverted range.
    await aTimeout(50);
    expect(backend.listCalls.length).to.equal(calls);
    // A preset ends the draft: the fields show the preset's months.
    $(el, '.preset').click(); // Last month: 2026-10
    await el.updateComplete;
    expect(year(el, 'to-year').value).to.equal('2026');
    expect(select(el, 'from-month').value).to.equal('10');
    expect(el.shadowRoot!.querySelector('.field-error')).to.equal(null);
  });

  it('shows a host period of year 12 as year 12, never 1912', async () => {
    const el = await mount(new FakeBackend([]), 'en', { from: '0012-03', to: '0012-03' });
    const empty = $(el, '[part="empty"]').textContent!;
    expect(empty).to.contain('March');
    expect(empty).not.to.contain('1912');
    expect(year(el, 'from-year').value).to.equal('0012');
  });
});
