/** Strings of `<status-updater>` in en, pt-BR and es. Hosts override any through `strings`. */
import type { Catalogue } from '../../i18n/locale.js';

export interface StatusUpdaterStrings {
  /** Label before the current status badge. */
  currentStatus: string;
  /** Visible label of the drop-down. */
  newStatus: string;
  /** The drop-down's empty first option. */
  choose: string;
  /** The button that opens the confirmation (the source's UPDATE STATUS). */
  updateStatus: string;
  /** Said when UPDATE STATUS is pressed with no status chosen. */
  chooseFirst: string;
  /** VOID / CLOSED: why there is no control. */
  final: string;
  /** The backend allows no change now (a narrowed table). */
  noTargets: string;
  /** A status this version does not know: read-only. */
  unknownReadOnly: string;
  /** Dialog heading. */
  dialogHeading: (to: string) => string;
  /** Dialog: from and to, in words. */
  fromTo: (from: string, to: string) => string;
  /** Leaving DRAFT. */
  leavesDraft: (draft: string) => string;
  /** DRAFT to a status the customer sees. */
  publishes: string;
  /** Target VOID. */
  irreversible: (to: string) => string;
  /** Target terminal (VOID, CLOSED). */
  becomesFinal: string;
  /** The notification toggle (the source's words). */
  notify: string;
  /** While the backend call runs. */
  sending: string;
  /** Success. */
  changed: (from: string, to: string) => string;
  /** A timeout after sending: the re-read runs. */
  checking: string;
  /** The re-read shows the change was not applied. */
  notApplied: string;
  /** Neither the update nor the re-read answered. */
  unconfirmed: string;
  /** Appended to the conflict message. */
  conflictHint: string;
  /** After Reload. */
  reloaded: (status: string) => string;
  /** After an invalid-transition answer. */
  targetsRefreshed: string;
  /** The host vetoed the change. */
  vetoed: string;
  /** Customer audience: label of the read-only status. */
  status: string;
}

const en: StatusUpdaterStrings = {
  currentStatus: 'Current status',
  newStatus: 'New status',
  choose: 'Choose a status…',
  updateStatus: 'UPDATE STATUS',
  chooseFirst: 'Choose a new status first.',
  final: 'This invoice is final: its status can no longer change.',
  noTargets: 'No status change is allowed for this invoice right now.',
  unknownReadOnly: 'This status is not known to this version, so the invoice is read-only here.',
  dialogHeading: (to) => `Change the status to ${to}?`,
  fromTo: (from, to) => `The status will change from ${from} to ${to}.`,
  leavesDraft: (draft) => `${draft} will no longer be available for this invoice.`,
  publishes: 'The customer will see this invoice in their portal.',
  irreversible: (to) => `${to} cannot be undone.`,
  becomesFinal: 'No further status change will be possible.',
  notify: 'Send notification e-mail to the customer',
  sending: 'Updating the status…',
  changed: (from, to) => `Status changed from ${from} to ${to}.`,
  checking: 'Outcome unknown, checking…',
  notApplied: 'The status was not changed.',
  unconfirmed:
    'It is not known whether the status changed. Retry is safe: it will not apply twice.',
  conflictHint: 'Nothing was overwritten. Reload to see the current state.',
  reloaded: (status) => `Reloaded. The status is now ${status}.`,
  targetsRefreshed: 'The list of statuses has been updated.',
  vetoed: 'The status change was cancelled.',
  status: 'Status',
};

const ptBR: StatusUpdaterStrings = {
  currentStatus: 'Status atual',
  newStatus: 'Novo status',
  choose: 'Selecione um status…',
  updateStatus: 'ATUALIZAR STATUS',
  chooseFirst: 'Selecione um novo status primeiro.',
  final: 'Esta fatura é definitiva: seu status não pode mais mudar.',
  noTargets: 'Nenhuma mudança de status é permitida para esta fatura no momento.',
  unknownReadOnly:
    'Este status não é conhecido por esta versão, por isso a fatura é somente leitura aqui.',
  dialogHeading: (to) => `Mudar o status para ${to}?`,
  fromTo: (from, to) => `O status mudará de ${from} para ${to}.`,
  leavesDraft: (draft) => `${draft} não estará mais disponível para esta fatura.`,
  publishes: 'O cliente verá esta fatura no portal do cliente final.',
  irreversible: (to) => `${to} não pode ser desfeito.`,
  becomesFinal: 'Nenhuma outra mudança de status será possível.',
  notify: 'Enviar e-mail de notificação ao cliente',
  sending: 'Atualizando o status…',
  changed: (from, to) => `Status alterado de ${from} para ${to}.`,
  checking: 'Resultado desconhecido, verificando…',
  notApplied: 'O status não foi alterado.',
  unconfirmed:
    'Não se sabe se o status mudou. Tentar novamente é seguro: a mudança não será aplicada duas vezes.',
  conflictHint: 'Nada foi sobrescrito. Recarregue para ver o estado atual.',
  reloaded: (status) => `Recarregado. O status agora é ${status}.`,
  targetsRefreshed: 'A lista de status foi atualizada.',
  vetoed: 'A mudança de status foi cancelada.',
  status: 'Status',
};

const es: StatusUpdaterStrings = {
  currentStatus: 'Estado actual',
  newStatus: 'Nuevo estado',
  choose: 'Elija un estado…',
  updateStatus: 'ACTUALIZAR ESTADO',
  chooseFirst: 'Elija primero un nuevo estado.',
  final: 'Esta factura es definitiva: su estado ya no puede cambiar.',
  noTargets: 'No se permite ningún cambio de estado para esta factura en este momento.',
  unknownReadOnly:
    'Esta versión no conoce este estado, por lo que la factura es de solo lectura aquí.',
  dialogHeading: (to) => `¿Cambiar el estado a ${to}?`,
  fromTo: (from, to) => `El estado cambiará de ${from} a ${to}.`,
  leavesDraft: (draft) => `${draft} ya no estará disponible para esta factura.`,
  publishes: 'El cliente verá esta factura en su portal.',
  irreversible: (to) => `${to} no se puede deshacer.`,
  becomesFinal: 'No será posible ningún otro cambio de estado.',
  notify: 'Enviar correo electrónico de notificación al cliente',
  sending: 'Actualizando el estado…',
  changed: (from, to) => `Estado cambiado de ${from} a ${to}.`,
  checking: 'Resultado desconocido, comprobando…',
  notApplied: 'El estado no se cambió.',
  unconfirmed:
    'No se sabe si el estado cambió. Reintentar es seguro: el cambio no se aplicará dos veces.',
  conflictHint: 'No se sobrescribió nada. Recargue para ver el estado actual.',
  reloaded: (status) => `Recargado. El estado ahora es ${status}.`,
  targetsRefreshed: 'La lista de estados se ha actualizado.',
  vetoed: 'El cambio de estado se canceló.',
  status: 'Estado',
};

export const statusUpdaterStrings: Catalogue<StatusUpdaterStrings> = { en, 'pt-BR': ptBR, es };
