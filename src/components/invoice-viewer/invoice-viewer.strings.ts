/** Strings of `<invoice-viewer>` in en, pt-BR and es. Hosts override any through `strings`. */
import type { Catalogue } from '../../i18n/locale.js';
import type { SectionId } from './invoice-viewer.events.js';

export interface InvoiceViewerStrings {
  /** Accessible name of the whole viewer (a region), with the document ID. */
  viewerLabel: (documentId: string) => string;
  documentId: string;
  status: string;
  period: string;
  currency: string;
  /** Visibility indicator. */
  visible: string;
  notVisibleDraft: string;
  notVisibleOther: string;
  sections: Record<SectionId, string>;
  actions: string;
  // Summary
  customer: string;
  provider: string;
  generatedAt: string;
  dueDate: string;
  noDueDate: string;
  total: string;
  subtotal: string;
  taxTotal: string;
  // Line items
  linesLabel: (count: number) => string;
  sku: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  tax: string;
  groupSubtotal: (group: string) => string;
  noLines: string;
  // Currency
  rateLine: (from: string, rate: string, to: string, detail: string) => string;
  nativeCurrency: (currency: string) => string;
  amountsIn: (currency: string) => string;
  // Custom fields and history
  from: string;
  to: string;
  when: string;
  who: string;
  notified: string;
  yes: string;
  no: string;
  noHistory: string;
  // States
  loadingInvoice: string;
  loaded: (documentId: string) => string;
  nothingSelected: string;
  notFound: string;
  notAvailable: string;
  // Discard
  discard: string;
  discardHeading: string;
  discardBody: (documentId: string) => string;
  discardConfirm: string;
  discarding: string;
  discarded: (documentId: string) => string;
  discardVetoed: string;
  conflictHint: string;
  unknownOutcome: string;
}

const en: InvoiceViewerStrings = {
  viewerLabel: (id) => `Invoice ${id}`,
  documentId: 'Document ID',
  status: 'Status',
  period: 'Billing period',
  currency: 'Currency',
  visible: 'Visible to the customer',
  notVisibleDraft: 'Draft: not visible to the customer',
  notVisibleOther: 'Not visible to the customer',
  sections: {
    summary: 'Summary',
    lines: 'Line items',
    totals: 'Taxes and totals',
    'custom-fields': 'Custom fields',
    history: 'Status history',
  },
  actions: 'Invoice actions',
  customer: 'Customer',
  provider: 'Cloud provider',
  generatedAt: 'Generated on',
  dueDate: 'Due date',
  noDueDate: 'Not set',
  total: 'Total',
  subtotal: 'Subtotal',
  taxTotal: 'Taxes',
  linesLabel: (n) => (n === 1 ? '1 line item' : `${n} line items`),
  sku: 'SKU',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  amount: 'Amount',
  tax: 'Tax',
  groupSubtotal: (g) => `Subtotal of ${g}`,
  noLines: 'This invoice has no line items.',
  rateLine: (from, rate, to, detail) => `1 ${from} = ${rate} ${to}${detail ? ` · ${detail}` : ''}`,
  nativeCurrency: (c) => `Amounts in ${c}, the invoice currency.`,
  amountsIn: (c) => `Amounts shown in ${c}.`,
  from: 'From',
  to: 'To',
  when: 'When',
  who: 'By',
  notified: 'Customer notified',
  yes: 'Yes',
  no: 'No',
  noHistory: 'No status change yet.',
  loadingInvoice: 'Loading the invoice…',
  loaded: (id) => `Invoice ${id} loaded.`,
  nothingSelected: 'No invoice selected.',
  notFound: 'This invoice does not exist or is no longer available.',
  notAvailable: 'This invoice is not available.',
  discard: 'Discard',
  discardHeading: 'Discard this invoice?',
  discardBody: (id) =>
    `Document ${id} will be deleted. It cannot be recovered, and this cannot be undone.`,
  discardConfirm: 'Discard document',
  discarding: 'Discarding the document…',
  discarded: (id) => `Document ${id} was discarded. It no longer exists.`,
  discardVetoed: 'The discard was cancelled.',
  conflictHint: 'Nothing was deleted. Reload to see the current state.',
  unknownOutcome: 'It is not known whether the document was deleted. Retry is safe.',
};

const ptBR: InvoiceViewerStrings = {
  viewerLabel: (id) => `Fatura ${id}`,
  documentId: 'ID do documento',
  status: 'Status',
  period: 'Período de faturamento',
  currency: 'Moeda',
  visible: 'Visível para o cliente',
  notVisibleDraft: 'Rascunho: não visível para o cliente',
  notVisibleOther: 'Não visível para o cliente',
  sections: {
    summary: 'Resumo',
    lines: 'Itens',
    totals: 'Impostos e totais',
    'custom-fields': 'Campos personalizados',
    history: 'Histórico de status',
  },
  actions: 'Ações da fatura',
  customer: 'Cliente',
  provider: 'Provedor de nuvem',
  generatedAt: 'Gerada em',
  dueDate: 'Vencimento',
  noDueDate: 'Não definido',
  total: 'Total',
  subtotal: 'Subtotal',
  taxTotal: 'Impostos',
  linesLabel: (n) => (n === 1 ? '1 item' : `${n} itens`),
  sku: 'SKU',
  description: 'Descrição',
  quantity: 'Quantidade',
  unitPrice: 'Preço unitário',
  amount: 'Valor',
  tax: 'Imposto',
  groupSubtotal: (g) => `Subtotal de ${g}`,
  noLines: 'Esta fatura não tem itens.',
  rateLine: (from, rate, to, detail) => `1 ${from} = ${rate} ${to}${detail ? ` · ${detail}` : ''}`,
  nativeCurrency: (c) => `Valores em ${c}, a moeda da fatura.`,
  amountsIn: (c) => `Valores exibidos em ${c}.`,
  from: 'De',
  to: 'Para',
  when: 'Quando',
  who: 'Por',
  notified: 'Cliente notificado',
  yes: 'Sim',
  no: 'Não',
  noHistory: 'Nenhuma mudança de status ainda.',
  loadingInvoice: 'Carregando a fatura…',
  loaded: (id) => `Fatura ${id} carregada.`,
  nothingSelected: 'Nenhuma fatura selecionada.',
  notFound: 'Esta fatura não existe ou não está mais disponível.',
  notAvailable: 'Esta fatura não está disponível.',
  discard: 'Descartar',
  discardHeading: 'Descartar esta fatura?',
  discardBody: (id) =>
    `O documento ${id} será excluído. Ele não poderá ser recuperado e isso não pode ser desfeito.`,
  discardConfirm: 'Descartar documento',
  discarding: 'Descartando o documento…',
  discarded: (id) => `O documento ${id} foi descartado. Ele não existe mais.`,
  discardVetoed: 'O descarte foi cancelado.',
  conflictHint: 'Nada foi excluído. Recarregue para ver o estado atual.',
  unknownOutcome: 'Não se sabe se o documento foi excluído. Tentar novamente é seguro.',
};

const es: InvoiceViewerStrings = {
  viewerLabel: (id) => `Factura ${id}`,
  documentId: 'ID del documento',
  status: 'Estado',
  period: 'Período de facturación',
  currency: 'Moneda',
  visible: 'Visible para el cliente',
  notVisibleDraft: 'Borrador: no visible para el cliente',
  notVisibleOther: 'No visible para el cliente',
  sections: {
    summary: 'Resumen',
    lines: 'Partidas',
    totals: 'Impuestos y totales',
    'custom-fields': 'Campos personalizados',
    history: 'Historial de estados',
  },
  actions: 'Acciones de la factura',
  customer: 'Cliente',
  provider: 'Proveedor de nube',
  generatedAt: 'Generada el',
  dueDate: 'Vencimiento',
  noDueDate: 'Sin definir',
  total: 'Total',
  subtotal: 'Subtotal',
  taxTotal: 'Impuestos',
  linesLabel: (n) => (n === 1 ? '1 partida' : `${n} partidas`),
  sku: 'SKU',
  description: 'Descripción',
  quantity: 'Cantidad',
  unitPrice: 'Precio unitario',
  amount: 'Importe',
  tax: 'Impuesto',
  groupSubtotal: (g) => `Subtotal de ${g}`,
  noLines: 'Esta factura no tiene partidas.',
  rateLine: (from, rate, to, detail) => `1 ${from} = ${rate} ${to}${detail ? ` · ${detail}` : ''}`,
  nativeCurrency: (c) => `Importes en ${c}, la moneda de la factura.`,
  amountsIn: (c) => `Importes mostrados en ${c}.`,
  from: 'De',
  to: 'A',
  when: 'Cuándo',
  who: 'Por',
  notified: 'Cliente notificado',
  yes: 'Sí',
  no: 'No',
  noHistory: 'Todavía no hay cambios de estado.',
  loadingInvoice: 'Cargando la factura…',
  loaded: (id) => `Factura ${id} cargada.`,
  nothingSelected: 'No hay ninguna factura seleccionada.',
  notFound: 'Esta factura no existe o ya no está disponible.',
  notAvailable: 'Esta factura no está disponible.',
  discard: 'Descartar',
  discardHeading: '¿Descartar esta factura?',
  discardBody: (id) =>
    `El documento ${id} se eliminará. No se podrá recuperar y no se puede deshacer.`,
  discardConfirm: 'Descartar documento',
  discarding: 'Descartando el documento…',
  discarded: (id) => `El documento ${id} se descartó. Ya no existe.`,
  discardVetoed: 'Se canceló el descarte.',
  conflictHint: 'No se eliminó nada. Recargue para ver el estado actual.',
  unknownOutcome: 'No se sabe si el documento se eliminó. Reintentar es seguro.',
};

export const invoiceViewerStrings: Catalogue<InvoiceViewerStrings> = { en, 'pt-BR': ptBR, es };
