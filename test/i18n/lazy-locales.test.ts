/**
 * pt-BR and es load on demand (issue 9): an element whose `lang` resolves to a locale not loaded
 * yet shows English strings (numbers and dates already in its locale), then re-renders in its
 * language when the module arrives; a host can preload with `loadLocale`; a failed load keeps
 * English, warns once, and is retried on the next `lang` change.
 * Nothing is preloaded in this file: each test starts with no locale loaded.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import { loadLocale } from '../../src/index.js';
import {
  forgetLoadedLocales,
  isLocaleLoaded,
  setLocaleImporter,
  type LocaleImporter,
} from '../../src/i18n/loader.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { es } from '../../src/i18n/es.js';
import {
  inShadow,
  makeInvoice,
  memoryBackend,
  menuIn,
  textOf,
  updaterIn,
  viewerReady,
  type DownloadMenu,
  type InvoiceViewer,
  type StatusUpdater,
} from '../a11y/fixtures.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const buttonText = (el: Element) => textOf(inShadow(el, '[part="button"]'));

/** An importer that hands out the real modules only when `release()` is called. */
function gatedImporter(): { importer: LocaleImporter; release: () => void; calls: string[] } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const calls: string[] = [];
  const importer: LocaleImporter = async (locale) => {
    calls.push(locale);
    await gate;
    return locale === 'pt-BR' ? ptBR : es;
  };
  return { importer, release, calls };
}

async function viewerIn(lang: string): Promise<InvoiceViewer> {
  const invoice = makeInvoice();
  const host = await fixture<HTMLElement>(
    html`<section lang=${lang}>
      <invoice-viewer
        .backend=${memoryBackend([invoice])}
        .invoice=${invoice}
        style="inline-size: 960px"
      ></invoice-viewer>
    </section>`,
  );
  const el = host.querySelector('invoice-viewer')!;
  await viewerReady(el);
  return el;
}

describe('languages load on demand', () => {
  let warnings: unknown[][];
  const originalWarn = console.warn;

  beforeEach(() => {
    forgetLoadedLocales();
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });

  afterEach(() => {
    console.warn = originalWarn;
    setLocaleImporter(undefined);
    forgetLoadedLocales();
  });

  it('an element rendered before its locale loaded re-renders in it (the real module)', async () => {
    expect(isLocaleLoaded('pt-BR')).to.equal(false);
    const host = await fixture<HTMLElement>(
      html`<div lang="pt-BR">
        <download-menu .invoice=${makeInvoice({ status: 'OPEN' })}></download-menu>
      </div>`,
    );
    const el = host.querySelector<DownloadMenu>('download-menu')!;
    await waitUntil(() => buttonText(el) === 'BAIXAR', 'the menu did not switch to pt-BR');
    const items = [...el.shadowRoot!.querySelectorAll('[part="menuitem"]')].map(textOf);
    expect(items).to.include('Imprimir');
    expect(isLocaleLoaded('pt-BR')).to.equal(true);
    expect(warnings).to.have.length(0);
  });

  it('shows English strings with pt-BR numbers meanwhile, then pt-BR everywhere, nested elements too', async () => {
    const gated = gatedImporter();
    setLocaleImporter(gated.importer);
    const viewer = await viewerIn('pt-BR');
    const updater = updaterIn(viewer);
    const menu = menuIn(viewer);
    await updater.updateComplete;
    await menu.updateComplete;

    // Not loaded yet: English words, but money and months already follow pt-BR.
    expect(textOf(inShadow(viewer, '[part="discard-button"]'))).to.equal('Discard');
    expect(textOf(inShadow(viewer, 'header [part="status-badge"]'))).to.equal('Draft');
    expect(plain(textOf(inShadow(viewer, '[data-section="totals"]')))).to.contain('US$ 1.234,50');
    expect(plain(textOf(inShadow(viewer, '[part="period"]')))).to.contain('outubro de 2026');
    expect(buttonText(updater)).to.equal('UPDATE STATUS');
    expect(buttonText(menu)).to.equal('DOWNLOAD');
    // One load for every element on the page.
    expect(gated.calls).to.deep.equal(['pt-BR']);

    gated.release();
    await waitUntil(
      () => textOf(inShadow(viewer, '[part="discard-button"]')) === 'Descartar',
      'the viewer did not re-render in pt-BR',
    );
    await waitUntil(
      () => buttonText(updater) === 'ATUALIZAR STATUS' && buttonText(menu) === 'BAIXAR',
      'the nested elements did not re-render in pt-BR',
    );
    expect(textOf(inShadow(viewer, 'header [part="status-badge"]'))).to.equal('Rascunho');
    expect(gated.calls).to.deep.equal(['pt-BR']);
  });

  it('after `await loadLocale`, elements render in the locale from their first render', async () => {
    await loadLocale('es-MX');
    expect(isLocaleLoaded('es')).to.equal(true);
    const el = await fixture<StatusUpdater>(
      html`<status-updater lang="es" .invoice=${makeInvoice()}></status-updater>`,
    );
    expect(buttonText(el)).to.equal('ACTUALIZAR ESTADO');
    expect(textOf(inShadow(el, '[part="status-badge"]'))).to.equal('Borrador');
  });

  it('loads each locale once, and never for English', async () => {
    const gated = gatedImporter();
    setLocaleImporter(gated.importer);
    const loads = [loadLocale('pt-BR'), loadLocale('pt'), loadLocale('en'), loadLocale('fr')];
    gated.release();
    await Promise.all(loads);
    await loadLocale('pt-PT');
    expect(gated.calls).to.deep.equal(['pt-BR']);
  });

  it('a failed load keeps English, warns once, and is retried on the next lang change', async () => {
    let calls = 0;
    setLocaleImporter(async () => {
      calls += 1;
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    const host = await fixture<HTMLElement>(
      html`<div lang="es">
        <status-updater .invoice=${makeInvoice()}></status-updater>
        <download-menu .invoice=${makeInvoice({ status: 'OPEN' })}></download-menu>
      </div>`,
    );
    const updater = host.querySelector('status-updater')!;
    const menu = host.querySelector('download-menu')!;
    await waitUntil(() => calls === 1 && warnings.length === 1, 'the failure was not reported');
    // The elements are done rendering after the failure (a render, not a delay).
    await updater.updateComplete;
    await menu.updateComplete;
    expect(buttonText(updater)).to.equal('UPDATE STATUS');
    expect(buttonText(menu)).to.equal('DOWNLOAD');
    expect(textOf(inShadow(updater, '[part="status-badge"]'))).to.equal('Draft');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.contain('es');

    // Re-renders for other reasons do not hammer the network.
    updater.requestUpdate();
    menu.requestUpdate();
    await updater.updateComplete;
    await menu.updateComplete;
    // Negative check (no event says "no load will start"): a fixed wait can only pass wrongly.
    await aTimeout(50);
    expect(calls).to.equal(1);

    // The public preload rejects, so a host can tell.
    let rejected = false;
    await loadLocale('es').catch(() => (rejected = true));
    expect(rejected).to.equal(true);
    expect(calls).to.equal(2);

    // Back online: the next lang change loads it and the elements switch.
    setLocaleImporter(undefined);
    host.lang = 'es-ES';
    await waitUntil(
      () => buttonText(updater) === 'ACTUALIZAR ESTADO' && buttonText(menu) === 'DESCARGAR',
      'the elements did not switch to es after the retry',
    );
    expect(warnings).to.have.length(1);
  });

  it('a load that arrives after the page switched back to English changes nothing', async () => {
    const gated = gatedImporter();
    setLocaleImporter(gated.importer);
    const host = await fixture<HTMLElement>(
      html`<div lang="pt-BR">
        <download-menu .invoice=${makeInvoice({ status: 'OPEN' })}></download-menu>
      </div>`,
    );
    const el = host.querySelector('download-menu')!;
    host.lang = 'en';
    // A task boundary, not a delay: the lang observer (a MutationObserver) has seen the change.
    await aTimeout(0);
    gated.release();
    await loadLocale('pt-BR');
    await el.updateComplete;
    expect(buttonText(el)).to.equal('DOWNLOAD');
    host.lang = 'pt-BR';
    await waitUntil(() => buttonText(el) === 'BAIXAR', 'the menu did not switch to pt-BR');
  });
});
