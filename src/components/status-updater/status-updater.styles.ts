import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';
import { themeStyles } from '../shared/theme.styles.js';

/** Styles of `<status-updater>`: the shared theme, then the element's own tokens. */
export const statusUpdaterStyles = [
  themeStyles,
  dialogStyles,
  css`
    :host {
      --_su-gap: var(--status-updater-gap, var(--_space));
      --_su-select-border: var(--status-updater-select-border-color, var(--_border));

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
  `,
];
