/** Strings of `<download-menu>` in en, pt-BR and es. Hosts override any through `strings`. */
import type { Catalogue } from '../../i18n/locale.js';
import { DEFAULT_EXPORT_LABELS, type ExportLabels } from '../../exports/model.js';

export interface DownloadMenuStrings {
  /** The menu button (the source's DOWNLOAD). */
  download: string;
  /** Accessible name of the menu. */
  menuLabel: string;
  /** Said when there is nothing to download (e.g. a draft in the customer portal). */
  noFormats: string;
  /** While a file is made. */
  preparing: (format: string) => string;
  /** Accessible name of the progress bar. */
  progressLabel: (format: string) => string;
  /** Announced when the file was handed to the browser. */
  done: (format: string) => string;
  /** Announced after Cancel. */
  cancelled: (format: string) => string;
  /** Heading of a failure. */
  failed: (format: string) => string;
  /** The host vetoed the download (`invoice-download-request` cancelled). */
  vetoed: string;
  /** A server URL that is neither https nor same origin. */
  unsafeUrl: string;
  /** A draft in the customer audience. */
  refused: string;
  /** A failure of the browser-made file (not the backend). */
  exportFailed: string;
  /** Labels inside the files (CSV headers, PDF and print document). */
  document: ExportLabels;
}

const en: DownloadMenuStrings = {
  download: 'DOWNLOAD',
  menuLabel: 'Download formats',
  noFormats: 'No downloads are available for this invoice.',
  preparing: (f) => `Preparing ${f}…`,
  progressLabel: (f) => `${f} progress`,
  done: (f) => `${f} ready.`,
  cancelled: (f) => `${f} cancelled.`,
  failed: (f) => `${f} could not be made.`,
  vetoed: 'The download was stopped by the page.',
  unsafeUrl: 'The server offered the file from an address that is not allowed.',
  refused: 'This invoice cannot be downloaded.',
  exportFailed: 'Something went wrong while making the file. Try again.',
  // The labels inside the files: the export core's English defaults.
  document: DEFAULT_EXPORT_LABELS,
};

const ptBR: DownloadMenuStrings = {
  download: 'BAIXAR',
  menuLabel: 'Formatos para baixar',
  noFormats: 'Não há downloads disponíveis para esta fatura.',
  preparing: (f) => `Preparando ${f}…`,
  progressLabel: (f) => `Progresso do ${f}`,
  done: (f) => `${f} pronto.`,
  cancelled: (f) => `${f} cancelado.`,
  failed: (f) => `Não foi possível gerar ${f}.`,
  vetoed: 'O download foi interrompido pela página.',
  unsafeUrl: 'O servidor ofereceu o arquivo de um endereço não permitido.',
  refused: 'Esta fatura não pode ser baixada.',
  exportFailed: 'Algo deu errado ao gerar o arquivo. Tente novamente.',
  document: {
    invoice: 'Fatura',
    documentId: 'ID do documento',
    status: 'Status',
    customer: 'Cliente',
    customerId: 'ID do cliente',
    provider: 'Provedor',
    period: 'Período de faturamento',
    currency: 'Moeda',
    rate: 'Taxa de câmbio',
    generatedAt: 'Gerada em',
    dueDate: 'Vencimento',
    customFields: 'Campos personalizados',
    lines: 'Itens',
    sku: 'SKU',
    description: 'Descrição',
    group: 'Grupo',
    quantity: 'Quantidade',
    unitPrice: 'Preço unitário',
    amount: 'Valor',
    tax: 'Imposto',
    subtotal: 'Subtotal',
    taxTotal: 'Total de impostos',
    total: 'Total',
    pageOf: 'Página {page} de {pages}',
  },
};

const es: DownloadMenuStrings = {
  download: 'DESCARGAR',
  menuLabel: 'Formatos de descarga',
  noFormats: 'No hay descargas disponibles para esta factura.',
  preparing: (f) => `Preparando ${f}…`,
  progressLabel: (f) => `Progreso de ${f}`,
  done: (f) => `${f} listo.`,
  cancelled: (f) => `${f} cancelado.`,
  failed: (f) => `No se pudo generar ${f}.`,
  vetoed: 'La página detuvo la descarga.',
  unsafeUrl: 'El servidor ofreció el archivo desde una dirección no permitida.',
  refused: 'Esta factura no se puede descargar.',
  exportFailed: 'Algo salió mal al generar el archivo. Inténtelo de nuevo.',
  document: {
    invoice: 'Factura',
    documentId: 'ID del documento',
    status: 'Estado',
    customer: 'Cliente',
    customerId: 'ID del cliente',
    provider: 'Proveedor',
    period: 'Período de facturación',
    currency: 'Moneda',
    rate: 'Tipo de cambio',
    generatedAt: 'Generada el',
    dueDate: 'Vencimiento',
    customFields: 'Campos personalizados',
    lines: 'Líneas',
    sku: 'SKU',
    description: 'Descripción',
    group: 'Grupo',
    quantity: 'Cantidad',
    unitPrice: 'Precio unitario',
    amount: 'Importe',
    tax: 'Impuesto',
    subtotal: 'Subtotal',
    taxTotal: 'Total de impuestos',
    total: 'Total',
    pageOf: 'Página {page} de {pages}',
  },
};

export const downloadMenuStrings: Catalogue<DownloadMenuStrings> = { en, 'pt-BR': ptBR, es };
