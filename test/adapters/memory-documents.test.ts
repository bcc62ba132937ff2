/**
 * The invoice-document fields of the memory adapter (issue 18): the generator's customers with
 * addresses and tax IDs in several countries and scripts, metered lines priced below a cent,
 * tax rates, issue dates, terms, paid and due amounts; the `issuer` option; fixtures kept as
 * given.
 */
import { expect } from '@open-wc/testing';
import { DEFAULT_ISSUER, MemoryBackend, generateData } from '../../src/adapters/memory/index.js';
import type { GeneratedData } from '../../src/adapters/memory/index.js';
import type { Invoice } from '../../src/core/types.js';
import { DOCUMENT_INVOICE_KEYS, invoiceWithDocumentFields } from '../support/fixtures.js';

/** Minor units per major unit of the generator's invoice currencies (ISO 4217). */
const MINOR_PER_MAJOR: Record<string, number> = { USD: 100, BRL: 100, EUR: 100, JPY: 1, BHD: 1000 };

const DAY = 86_400_000;

describe('MemoryBackend: invoice-document fields (issue 18)', () => {
  let data: GeneratedData;
  let memory: MemoryBackend;
  let sample: Invoice[];

  before(async () => {
    data = generateData();
    memory = new MemoryBackend({ data });
    sample = [];
    for (const record of data.invoices.slice(0, 150)) {
      sample.push(await memory.getInvoice(record.id));
    }
  });

  describe('generated customers', () => {
    it('each has an address of 3 to 6 lines and a tax ID', () => {
      for (const c of data.customers) {
        expect(c.address, c.name).to.be.an('array');
        expect(c.address!.length, c.name).to.be.within(3, 6);
        for (const line of c.address!) expect(line).to.be.a('string').and.not.equal('');
        expect(c.taxId!.replace(/\D/g, ''), c.name).to.have.length.within(8, 16);
      }
    });

    it('are in many countries, each address ending with its country', () => {
      const countries = new Set(data.customers.map((c) => c.address!.at(-1)));
      for (const country of [
        'Brasil',
        'United States',
        'Deutschland',
        'Polska',
        'Ελλάδα',
        'България',
        'Việt Nam',
        'Česká republika',
        'Türkiye',
      ]) {
        expect(countries, country).to.include(country);
      }
    });

    it('some have names outside Latin-1: Polish, Greek, Cyrillic, Vietnamese', () => {
      const names = data.customers.map((c) => c.name);
      const scripts: [string, RegExp][] = [
        ['Polish (Ł, Ż, Ś, ą, ę…)', /[ŁłŻżŚśĄąĘęŃńĆćŹź]/],
        ['Greek', /[\u0370-\u03FF]/],
        ['Cyrillic', /[\u0400-\u04FF]/],
        ['Vietnamese (Latin Extended Additional)', /[\u1EA0-\u1EF9]/],
      ];
      for (const [script, pattern] of scripts) {
        expect(
          names.some((n) => pattern.test(n)),
          script,
        ).to.equal(true);
      }
      // E-mail domains stay ASCII.
      for (const c of data.customers) {
        if (c.email) expect(c.email).to.match(/^[a-z.]+@[a-z0-9-]+\.[a-z.]+$/);
      }
    });

    it('travel with their invoices, and getCustomer and search return them', async () => {
      const record = data.invoices.find((r) => /[\u0370-\u03FF]/.test(r.customer.name))!;
      const invoice = await memory.getInvoice(record.id);
      expect(invoice.customer).to.deep.equal(record.customer);
      expect(await memory.getCustomer(record.customer.id)).to.deep.equal(record.customer);
      const [found] = await memory.searchCustomers({ text: record.customer.id });
      expect(found).to.deep.equal(record.customer);
      // Copies: changing an answer's address changes nothing stored.
      invoice.customer.address!.push('changed');
      found!.address!.length = 0;
      expect((await memory.getInvoice(record.id)).customer).to.deep.equal(record.customer);
      expect(
        (await memory.listInvoices({ customerId: record.customer.id })).items[0]!.customer,
      ).to.deep.equal(record.customer);
    });
  });

  describe('generated invoices', () => {
    it('have metered lines priced below a cent, with amount = round(quantity × decimal price)', () => {
      let belowACent = 0;
      let sixDecimals = 0;
      for (const invoice of sample) {
        const perMajor = MINOR_PER_MAJOR[invoice.currency]!;
        for (const line of invoice.lines) {
          if (line.unitPriceDecimal === undefined) continue;
          expect(line.unitPriceDecimal).to.match(/^\d+\.\d{1,6}$/);
          const price = Number(line.unitPriceDecimal);
          expect(price).to.be.greaterThan(0);
          if (price * perMajor < 1) belowACent++;
          if (/\.\d{6}$/.test(line.unitPriceDecimal)) sixDecimals++;
          expect(line.unitPrice.minor, line.sku).to.equal(Math.round(price * perMajor));
          expect(line.amount.minor, line.sku).to.equal(
            Math.round(line.quantity * price * perMajor),
          );
        }
      }
      expect(belowACent).to.be.greaterThan(10);
      expect(sixDecimals).to.be.greaterThan(5);
    });

    it('give every line its tax rate, and tax = round(amount × rate)', () => {
      const rates = new Set<number>();
      for (const invoice of sample) {
        for (const line of invoice.lines) {
          expect(line.taxRate).to.be.within(0, 1);
          expect(line.tax.minor).to.equal(Math.round(line.amount.minor * line.taxRate!));
          rates.add(line.taxRate!);
        }
      }
      // Per currency (USD 7 %, BRL 14.25 %, …) and 0 for the support plan.
      expect(rates.size).to.be.at.least(3);
    });

    it('are issued the day they were generated, on 30 days, due 30 days later', () => {
      for (const invoice of sample) {
        expect(invoice.issueDate).to.equal(invoice.generatedAt.slice(0, 10));
        expect(invoice.paymentTermsDays).to.equal(30);
        const due = Date.parse(`${invoice.issueDate!}T00:00:00Z`) + 30 * DAY;
        expect(invoice.dueDate).to.equal(new Date(due).toISOString().slice(0, 10));
      }
    });

    it('are paid in full once CLOSED, and say nothing of payments before', () => {
      const closed = sample.filter((i) => i.status === 'CLOSED');
      const others = sample.filter((i) => i.status !== 'CLOSED');
      expect(closed.length).to.be.greaterThan(10);
      expect(others.length).to.be.greaterThan(10);
      for (const invoice of closed) {
        expect(invoice.amountPaid).to.deep.equal(invoice.total);
        expect(invoice.amountDue).to.deep.equal({ minor: 0, currency: invoice.currency });
      }
      for (const invoice of others) {
        expect('amountPaid' in invoice).to.equal(false);
        expect('amountDue' in invoice).to.equal(false);
      }
    });

    it('an OPEN invoice closed through the backend is then paid in full', async () => {
      const backend = new MemoryBackend({ data });
      const open = sample.find((i) => i.status === 'OPEN')!;
      const closed = await backend.updateStatus({
        invoiceId: open.id,
        to: 'CLOSED',
        notify: false,
        expectedVersion: open.version,
        idempotencyKey: 'close-1',
      });
      expect(closed.amountPaid).to.deep.equal(open.total);
      expect(closed.amountDue).to.deep.equal({ minor: 0, currency: open.currency });
    });

    it('carry the default issuer (address, tax ID, no logo) and payment instructions', () => {
      for (const invoice of sample) {
        expect(invoice.issuer).to.deep.equal(DEFAULT_ISSUER);
        expect(invoice.paymentInstructions).to.be.a('string').and.include('document ID');
      }
      expect(DEFAULT_ISSUER.address!.length).to.be.within(2, 6);
      expect(DEFAULT_ISSUER.taxId).to.be.a('string');
      expect('logoUrl' in DEFAULT_ISSUER).to.equal(false);
      // Each invoice has its own copy.
      expect(sample[0]!.issuer).not.to.equal(sample[1]!.issuer);
      sample[0]!.issuer!.name = 'changed';
      expect(DEFAULT_ISSUER.name).not.to.equal('changed');
    });
  });

  describe('the issuer option', () => {
    it("a host's issuer (with its logo) on every generated invoice", async () => {
      const issuer = {
        name: 'Nordwolke GmbH',
        address: ['Leopoldstraße 12', '80802 München', 'Deutschland'],
        taxId: 'DE123456789',
        logoUrl: '/demo/logo.png',
      };
      const backend = new MemoryBackend({ data, issuer, paymentInstructions: null });
      const invoice = await backend.getInvoice(data.invoices[3]!.id);
      expect(invoice.issuer).to.deep.equal(issuer);
      expect(invoice.issuer).not.to.equal(issuer);
      expect('paymentInstructions' in invoice).to.equal(false);
    });

    it('null: no issuer', async () => {
      const backend = new MemoryBackend({ data, issuer: null });
      expect('issuer' in (await backend.getInvoice(data.invoices[3]!.id))).to.equal(false);
    });

    it('fixtures keep their own fields, or none: nothing is added to them', async () => {
      const full = invoiceWithDocumentFields();
      const bare = { ...invoiceWithDocumentFields({ id: 'inv-bare' }) };
      for (const key of DOCUMENT_INVOICE_KEYS) {
        delete bare[key];
      }
      const backend = new MemoryBackend({ invoices: [full, bare], issuer: DEFAULT_ISSUER });
      expect(await backend.getInvoice(full.id)).to.deep.equal(full);
      expect(await backend.getInvoice(bare.id)).to.deep.equal(bare);
      const restored = MemoryBackend.restore(backend.snapshot());
      expect(await restored.getInvoice(full.id)).to.deep.equal(full);
    });
  });
});
