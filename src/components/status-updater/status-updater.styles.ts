import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

/** Styles of `<status-updater>`: the shared theme, then the element's own tokens. */
export const statusUpdaterStyles = [
  themeStyles,
  css`
    :host {
      --_su-gap: var(--status-updater-gap, var(--_space));
      --_su-select-border: var(--status-updater-select-border-color, var(--_border));
      --_su-dialog-bg: var(--status-updater-dialog-background, var(--_bg));
      --_su-dialog-fg: var(--status-updater-dialog-color, var(--_fg));
      --_su-dialog-size: var(--status-updater-dialog-max-inline-size, 32rem);
      --_su-backdrop: var(--status-updater-backdrop, rgb(0 0 0 / 0.45));
      --_su-switch-on: var(--status-updater-switch-on-color, var(--_primary));
      --_su-switch-off: var(--status-updater-switch-off-color, var(--_muted));

      display: block;
      container-type: inline-size;
      /* Its own surface, as the table and the viewer have: a dark updater on a light page stays
         legible. Inside a viewer it matches the viewer's surface (the token is inherited). */
      background: var(--status-updater-background, var(--invoice-viewer-background, var(--_bg)));
    }

    :host([hidden]) {
      display: none;
    }

    .updater {
      display: flex;
      flex-direction: column;
      gap: var(--_su-gap);
    }

    .current,
    .readonly {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_su-gap);
      margin: 0;
    }

    .readonly {
      color: var(--_muted);
    }

    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_su-gap);
    }

    .field {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_su-gap) / 2);
      min-inline-size: 12rem;
    }

    select {
      font: inherit;
      min-block-size: 2.25rem;
      padding-inline: var(--_space);
      border: 1px solid var(--_su-select-border);
      border-radius: var(--_radius);
      background: var(--_bg);
      color: var(--_fg);
    }

    .message {
      margin: 0;
    }

    .message[data-kind='success'] {
      background: var(--_status-closed-bg);
      color: var(--_status-closed-fg);
    }

    .message:focus {
      outline: none;
      box-shadow: var(--_focus);
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

    /* ---- the reason of a VOID (issue 25) ------------------------------------------------ */
    .reason {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 0.5);
      margin-block: calc(var(--_space) * 2);
    }

    .reason textarea {
      font: inherit;
      color: var(--_fg);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      resize: vertical;
    }

    .reason textarea:focus-visible {
      outline: none;
      box-shadow: var(--_focus);
    }

    .reason textarea[aria-invalid='true'] {
      border-color: var(--_danger);
    }

    .reason .hint,
    .reason .field-error {
      margin: 0;
      font-size: 0.875em;
    }

    .reason .hint {
      color: var(--_muted);
    }

    .reason .field-error {
      color: var(--_danger);
      font-weight: 600;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: end;
      gap: var(--_space);
    }

    @container (inline-size < 24rem) {
      .controls,
      .field {
        align-items: stretch;
        flex-direction: column;
      }
      .controls .button {
        inline-size: 100%;
      }
    }

    @media (forced-colors: active) {
      .switch input {
        border: 1px solid CanvasText;
      }
      .switch input:checked {
        background: Highlight;
      }
    }
  `,
];
