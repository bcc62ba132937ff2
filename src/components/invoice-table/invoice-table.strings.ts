/** Strings of `<invoice-table>` in every shipped locale. Hosts override any of them via `strings`. */
import type { PeriodPreset } from '../../core/period.js';
import type { SortKey } from '../../core/types.js';
import type { Catalogue } from '../../i18n/locale.js';

export interface InvoiceTableStrings {
  /** Accessible name of the grid. */
  tableLabel: string;
  toolbarLabel: string;
  customerLabel: string;
  customerPlaceholder: string;
  clearCustomer: string;
  searchingCustomers: string;
  customersFound: (count: number) => string;
  noCustomers: (text: string) => string;
  periodLabel: string;
  fromLabel: string;
  toLabel: string;
  monthPatternHint: string;
  invalidMonth: string;
  periodOrder: string;
  presetsLabel: string;
  presets: Record<PeriodPreset, string>;
  filtersLabel: string;
  statusFilter: string;
  providerFilter: string;
  anyStatus: string;
  anyProvider: string;
  documentFilter: string;
  columns: Record<SortKey, string> & { actions: string };
  sortBy: (column: string) => string;
  open: string;
  openLabel: (documentId: string) => string;
  loadingInvoices: string;
  loadingRow: string;
  results: (count: number) => string;
  /** The empty state: names the customer (or all customers) and the period. */
  empty: (customer: string | null, period: string) => string;
  pageError: string;
}

const en: InvoiceTableStrings = {
  tableLabel: 'Customer invoices',
  toolbarLabel: 'Invoice search',
  customerLabel: 'Customer',
  customerPlaceholder: 'Search by name, ID or e-mail',
  clearCustomer: 'Clear customer',
  searchingCustomers: 'Searching customers…',
  customersFound: (n) => (n === 1 ? '1 customer found' : `${n} customers found`),
  noCustomers: (t) => `No customer matches “${t}”.`,
  periodLabel: 'Billing period',
  fromLabel: 'From month',
  toLabel: 'To month',
  monthPatternHint: 'YYYY-MM',
  invalidMonth: 'Enter a month as YYYY-MM.',
  periodOrder: 'The first month must not be after the last month.',
  presetsLabel: 'Period presets',
  presets: {
    'last-month': 'Last month',
    'this-quarter': 'This quarter',
    'last-3-months': 'Last 3 months',
    'last-12-months': 'Last 12 months',
  },
  filtersLabel: 'Filters',
  statusFilter: 'Status',
  providerFilter: 'Cloud provider',
  anyStatus: 'All statuses',
  anyProvider: 'All providers',
  documentFilter: 'Document ID contains',
  columns: {
    documentId: 'Document ID',
    customer: 'Customer',
    provider: 'Cloud provider',
    period: 'Billing period',
    status: 'Status',
    total: 'Total',
    generatedAt: 'Generated on',
    actions: 'Actions',
  },
  sortBy: (c) => `Sort by ${c}`,
  open: 'Open',
  openLabel: (id) => `Open invoice ${id}`,
  loadingInvoices: 'Loading invoices…',
  loadingRow: 'Loading…',
  results: (n) => (n === 1 ? '1 invoice' : `${n.toLocaleString('en')} invoices`),
  empty: (c, p) => (c ? `No invoices for ${c} in ${p}.` : `No invoices in ${p}.`),
  pageError: 'Some rows could not be loaded.',
};

const ptBR: InvoiceTableStrings = {
  tableLabel: 'Faturas de clientes',
  toolbarLabel: 'Busca de faturas',
  customerLabel: 'Cliente',
  customerPlaceholder: 'Buscar por nome, ID ou e-mail',
  clearCustomer: 'Limpar cliente',
  searchingCustomers: 'Buscando clientes…',
  customersFound: (n) => (n === 1 ? '1 cliente encontrado' : `${n} clientes encontrados`),
  noCustomers: (t) => `Nenhum cliente corresponde a “${t}”.`,
  periodLabel: 'Período de faturamento',
  fromLabel: 'Mês inicial',
  toLabel: 'Mês final',
  monthPatternHint: 'AAAA-MM',
  invalidMonth: 'Informe o mês como AAAA-MM.',
  periodOrder: 'O mês inicial não pode ser posterior ao mês final.',
  presetsLabel: 'Períodos predefinidos',
  presets: {
    'last-month': 'Mês passado',
    'this-quarter': 'Este trimestre',
    'last-3-months': 'Últimos 3 meses',
    'last-12-months': 'Últimos 12 meses',
  },
  filtersLabel: 'Filtros',
  statusFilter: 'Status',
  providerFilter: 'Provedor de nuvem',
  anyStatus: 'Todos os status',
  anyProvider: 'Todos os provedores',
  documentFilter: 'ID do documento contém',
  columns: {
    documentId: 'ID do documento',
    customer: 'Cliente',
    provider: 'Provedor de nuvem',
    period: 'Período de faturamento',
    status: 'Status',
    total: 'Total',
    generatedAt: 'Gerada em',
    actions: 'Ações',
  },
  sortBy: (c) => `Ordenar por ${c}`,
  open: 'Abrir',
  openLabel: (id) => `Abrir fatura ${id}`,
  loadingInvoices: 'Carregando faturas…',
  loadingRow: 'Carregando…',
  results: (n) => (n === 1 ? '1 fatura' : `${n.toLocaleString('pt-BR')} faturas`),
  empty: (c, p) => (c ? `Nenhuma fatura para ${c} em ${p}.` : `Nenhuma fatura em ${p}.`),
  pageError: 'Algumas linhas não puderam ser carregadas.',
};

const es: InvoiceTableStrings = {
  tableLabel: 'Facturas de clientes',
  toolbarLabel: 'Búsqueda de facturas',
  customerLabel: 'Cliente',
  customerPlaceholder: 'Buscar por nombre, ID o correo',
  clearCustomer: 'Borrar cliente',
  searchingCustomers: 'Buscando clientes…',
  customersFound: (n) => (n === 1 ? '1 cliente encontrado' : `${n} clientes encontrados`),
  noCustomers: (t) => `Ningún cliente coincide con «${t}».`,
  periodLabel: 'Período de facturación',
  fromLabel: 'Mes inicial',
  toLabel: 'Mes final',
  monthPatternHint: 'AAAA-MM',
  invalidMonth: 'Introduzca el mes como AAAA-MM.',
  periodOrder: 'El mes inicial no puede ser posterior al mes final.',
  presetsLabel: 'Períodos predefinidos',
  presets: {
    'last-month': 'Mes pasado',
    'this-quarter': 'Este trimestre',
    'last-3-months': 'Últimos 3 meses',
    'last-12-months': 'Últimos 12 meses',
  },
  filtersLabel: 'Filtros',
  statusFilter: 'Estado',
  providerFilter: 'Proveedor de nube',
  anyStatus: 'Todos los estados',
  anyProvider: 'Todos los proveedores',
  documentFilter: 'El ID del documento contiene',
  columns: {
    documentId: 'ID del documento',
    customer: 'Cliente',
    provider: 'Proveedor de nube',
    period: 'Período de facturación',
    status: 'Estado',
    total: 'Total',
    generatedAt: 'Generada el',
    actions: 'Acciones',
  },
  sortBy: (c) => `Ordenar por ${c}`,
  open: 'Abrir',
  openLabel: (id) => `Abrir factura ${id}`,
  loadingInvoices: 'Cargando facturas…',
  loadingRow: 'Cargando…',
  results: (n) => (n === 1 ? '1 factura' : `${n.toLocaleString('es')} facturas`),
  empty: (c, p) => (c ? `No hay facturas de ${c} en ${p}.` : `No hay facturas en ${p}.`),
  pageError: 'No se pudieron cargar algunas filas.',
};

export const invoiceTableStrings: Catalogue<InvoiceTableStrings> = { en, 'pt-BR': ptBR, es };
