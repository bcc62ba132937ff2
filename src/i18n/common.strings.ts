/**
 * Strings shared by every element: status names, error messages of the taxonomy, common
 * buttons. Each element has its own catalogue beside it for the rest.
 */
import type { BackendErrorKind } from '../core/errors.js';
import type { DownloadFormat, InvoiceStatus } from '../core/types.js';
import type { Catalogue } from './locale.js';

export interface CommonStrings {
  status: Record<InvoiceStatus, string>;
  /** Shown for a status this version does not know; the invoice is then read-only. */
  unknownStatus: (status: string) => string;
  format: Record<DownloadFormat, string>;
  error: Record<BackendErrorKind, string>;
  /** For a payload that failed validation: names the offending field. */
  invalidField: (field: string) => string;
  retry: string;
  reload: string;
  cancel: string;
  ok: string;
  close: string;
  loading: string;
  noBackend: string;
}

const en: CommonStrings = {
  status: { DRAFT: 'Draft', OPEN: 'Open', VOID: 'Void', CLOSED: 'Closed' },
  unknownStatus: (s) => `Unknown status (${s})`,
  format: { pdf: 'PDF', csv: 'CSV', 'detailed-csv': 'Detailed CSV', print: 'Print' },
  error: {
    network: 'The server could not be reached. Check your connection and try again.',
    timeout: 'The server took too long to answer.',
    aborted: 'The request was cancelled.',
    unauthorized: 'Your session has expired. Sign in again.',
    forbidden: 'You do not have permission to do this.',
    'not-found': 'This item no longer exists.',
    conflict: 'Someone else changed this invoice in the meantime.',
    'invalid-transition': 'This status change is no longer allowed.',
    validation: 'The server sent data that could not be read.',
    'rate-limited': 'Too many requests. Wait a moment and try again.',
    server: 'The server had a problem. Try again in a moment.',
  },
  invalidField: (f) => `Invalid field: ${f}`,
  retry: 'Retry',
  reload: 'Reload',
  cancel: 'Cancel',
  ok: 'OK',
  close: 'Close',
  loading: 'Loading…',
  noBackend: 'No backend is configured for this element.',
};

const ptBR: CommonStrings = {
  status: { DRAFT: 'Rascunho', OPEN: 'Aberto', VOID: 'Anulado', CLOSED: 'Fechado' },
  unknownStatus: (s) => `Status desconhecido (${s})`,
  format: { pdf: 'PDF', csv: 'CSV', 'detailed-csv': 'CSV detalhado', print: 'Imprimir' },
  error: {
    network: 'Não foi possível contactar o servidor. Verifique sua conexão e tente novamente.',
    timeout: 'O servidor demorou demais para responder.',
    aborted: 'A solicitação foi cancelada.',
    unauthorized: 'Sua sessão expirou. Entre novamente.',
    forbidden: 'Você não tem permissão para fazer isso.',
    'not-found': 'Este item não existe mais.',
    conflict: 'Outra pessoa alterou esta fatura nesse meio-tempo.',
    'invalid-transition': 'Esta mudança de status não é mais permitida.',
    validation: 'O servidor enviou dados que não puderam ser lidos.',
    'rate-limited': 'Muitas solicitações. Aguarde um momento e tente novamente.',
    server: 'O servidor teve um problema. Tente novamente em instantes.',
  },
  invalidField: (f) => `Campo inválido: ${f}`,
  retry: 'Tentar novamente',
  reload: 'Recarregar',
  cancel: 'Cancelar',
  ok: 'OK',
  close: 'Fechar',
  loading: 'Carregando…',
  noBackend: 'Nenhum backend está configurado para este elemento.',
};

const es: CommonStrings = {
  status: { DRAFT: 'Borrador', OPEN: 'Abierta', VOID: 'Anulada', CLOSED: 'Cerrada' },
  unknownStatus: (s) => `Estado desconocido (${s})`,
  format: { pdf: 'PDF', csv: 'CSV', 'detailed-csv': 'CSV detallado', print: 'Imprimir' },
  error: {
    network: 'No se pudo contactar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
    timeout: 'El servidor tardó demasiado en responder.',
    aborted: 'La solicitud se canceló.',
    unauthorized: 'Su sesión ha caducado. Inicie sesión de nuevo.',
    forbidden: 'No tiene permiso para hacer esto.',
    'not-found': 'Este elemento ya no existe.',
    conflict: 'Otra persona modificó esta factura mientras tanto.',
    'invalid-transition': 'Este cambio de estado ya no está permitido.',
    validation: 'El servidor envió datos que no se pudieron leer.',
    'rate-limited': 'Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.',
    server: 'El servidor tuvo un problema. Inténtelo de nuevo en un momento.',
  },
  invalidField: (f) => `Campo no válido: ${f}`,
  retry: 'Reintentar',
  reload: 'Recargar',
  cancel: 'Cancelar',
  ok: 'Aceptar',
  close: 'Cerrar',
  loading: 'Cargando…',
  noBackend: 'No hay ningún backend configurado para este elemento.',
};

export const commonStrings: Catalogue<CommonStrings> = { en, 'pt-BR': ptBR, es };
