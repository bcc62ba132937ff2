import { css } from 'lit';

/**
 * The confirmation dialog's styles, shared by `<status-updater>` and `<invoice-table>`'s bulk
 * status change (issue 25): the native modal `<dialog>`, its heading and lists, the notification
 * switch and the action row, themed by the updater's `--status-updater-dialog-*` and
 * `--status-updater-switch-*` tokens (set here, on the host, as private `--_su-*` variables).
 */
export const dialogStyles = css`
  :host {
    --_su-dialog-bg: var(--status-updater-dialog-background, var(--_bg));
    --_su-dialog-fg: var(--status-updater-dialog-color, var(--_fg));
    --_su-dialog-size: var(--status-updater-dialog-max-inline-size, 32rem);
    --_su-backdrop: var(--status-updater-backdrop, rgb(0 0 0 / 0.45));
    --_su-switch-on: var(--status-updater-switch-on-color, var(--_primary));
    --_su-switch-off: var(--status-updater-switch-off-color, var(--_muted));
  }

  dialog {
    inline-size: min(var(--_su-dialog-size), calc(100vi - 2rem));
    padding: calc(var(--_space) * 3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_su-dialog-bg);
    color: var(--_su-dialog-fg);
  }

  dialog::backdrop {
    background: var(--_su-backdrop);
  }

  dialog h2 {
    margin-block: 0 var(--_space);
    font-size: 1.125em;
  }

  dialog ul {
    margin-block: var(--_space);
    padding-inline-start: 1.25rem;
  }

  .switch {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2);
    cursor: pointer;
  }

  .switch input {
    appearance: none;
    flex: none;
    position: relative;
    inline-size: 2.5rem;
    block-size: 1.375rem;
    margin: 0;
    border-radius: 999px;
    background: var(--_su-switch-off);
    cursor: pointer;
  }

  .switch input::before {
    content: '';
    position: absolute;
    inset-block-start: 0.1875rem;
    inset-inline-start: 0.1875rem;
    inline-size: 1rem;
    block-size: 1rem;
    border-radius: 50%;
    background: var(--_bg);
    transition: translate 120ms ease;
  }

  .switch input:checked {
    background: var(--_su-switch-on);
  }

  .switch input:checked::before {
    translate: 1.125rem 0;
  }

  .switch input:checked:dir(rtl)::before {
    translate: -1.125rem 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    gap: var(--_space);
  }

  @media (forced-colors: active) {
    .switch input {
      border: 1px solid CanvasText;
    }
    .switch input:checked {
      background: Highlight;
    }
  }
`;
