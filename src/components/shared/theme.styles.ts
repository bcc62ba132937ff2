/**
 * The theme every element shares. Two tiers (docs/THEMING.md):
 * - global tokens `--inv-*` that a host or reseller sets anywhere above the elements;
 * - private `--_*` variables that the element styles read, each defaulting to its global token.
 *   Per-element tokens (`--invoice-table-*`, …) are declared in each element's styles on top.
 *
 * Light and dark follow `prefers-color-scheme`; a host forces one with `theme="light"` or
 * `theme="dark"` on the element (or sets the tokens itself). Two densities: `density="compact"`.
 */
import { css } from 'lit';

/** The dark palette: applied by `theme="dark"`, or by the system setting unless `theme="light"`. */
const darkPalette = css`
  --_bg: var(--inv-color-surface, #16191d);
  --_bg-alt: var(--inv-color-surface-alt, #20252b);
  --_fg: var(--inv-color-text, #e8ebef);
  --_muted: var(--inv-color-text-muted, #aab4c0);
  --_border: var(--inv-color-border, #3a424c);
  --_primary: var(--inv-color-primary, #8ab4f8);
  --_on-primary: var(--inv-color-on-primary, #0b1a33);
  --_section-bar: var(--inv-color-section-bar, #1f4e99);
  --_on-section-bar: var(--inv-color-on-section-bar, #ffffff);
  --_danger: var(--inv-color-danger, #f2b8b5);
  --_on-danger: var(--inv-color-on-danger, #3b0a08);
  --_warning-bg: var(--inv-color-warning-surface, #3d3200);
  --_warning-fg: var(--inv-color-warning-text, #ffe08a);
  --_status-draft-bg: var(--inv-status-draft-background, #3a424c);
  --_status-draft-fg: var(--inv-status-draft-color, #e8ebef);
  --_status-open-bg: var(--inv-status-open-background, #0d3b7a);
  --_status-open-fg: var(--inv-status-open-color, #d9ecff);
  --_status-void-bg: var(--inv-status-void-background, #6b1912);
  --_status-void-fg: var(--inv-status-void-color, #ffdad6);
  --_status-closed-bg: var(--inv-status-closed-background, #1d4d2f);
  --_status-closed-fg: var(--inv-status-closed-color, #d5f5df);
  --_status-unknown-bg: var(--inv-status-unknown-background, #3d3200);
  --_status-unknown-fg: var(--inv-status-unknown-color, #ffe08a);
  --_skeleton: var(--inv-color-skeleton, #2b3138);
  color-scheme: dark;
`;

export const themeStyles = css`
  :host {
    --_font: var(--inv-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--inv-font-size, 0.875rem);
    --_radius: var(--inv-radius, 6px);
    --_space: var(--inv-space, 0.5rem);
    --_row-height: var(--inv-row-height, 2.75rem);
    --_bg: var(--inv-color-surface, #ffffff);
    --_bg-alt: var(--inv-color-surface-alt, #f4f6f9);
    --_fg: var(--inv-color-text, #1b1f24);
    --_muted: var(--inv-color-text-muted, #505a66);
    --_border: var(--inv-color-border, #c9d1db);
    --_primary: var(--inv-color-primary, #0b57d0);
    --_on-primary: var(--inv-color-on-primary, #ffffff);
    --_section-bar: var(--inv-color-section-bar, #0b57d0);
    --_on-section-bar: var(--inv-color-on-section-bar, #ffffff);
    --_danger: var(--inv-color-danger, #b3261e);
    --_on-danger: var(--inv-color-on-danger, #ffffff);
    --_warning-bg: var(--inv-color-warning-surface, #fff4ce);
    --_warning-fg: var(--inv-color-warning-text, #5c4300);
    --_focus: var(--inv-focus-ring, 0 0 0 3px #5b9bff);
    --_status-draft-bg: var(--inv-status-draft-background, #e6e9ee);
    --_status-draft-fg: var(--inv-status-draft-color, #3b4450);
    --_status-open-bg: var(--inv-status-open-background, #d9ecff);
    --_status-open-fg: var(--inv-status-open-color, #0a3e8a);
    --_status-void-bg: var(--inv-status-void-background, #fde2e1);
    --_status-void-fg: var(--inv-status-void-color, #8a1c14);
    --_status-closed-bg: var(--inv-status-closed-background, #dcf3e3);
    --_status-closed-fg: var(--inv-status-closed-color, #14532d);
    --_status-unknown-bg: var(--inv-status-unknown-background, #fff4ce);
    --_status-unknown-fg: var(--inv-status-unknown-color, #5c4300);
    --_skeleton: var(--inv-color-skeleton, #e3e7ed);

    color-scheme: light;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_fg);
  }

  :host([density='compact']) {
    --_space: var(--inv-space-compact, 0.25rem);
    --_row-height: var(--inv-row-height-compact, 2rem);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkPalette}
    }
  }

  :host([theme='dark']) {
    ${darkPalette}
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  /* WebKit paints no box-shadow on a native select: an outline there, in every engine alike. */
  select:focus-visible {
    outline: 3px solid var(--inv-focus-color, #5b9bff);
    box-shadow: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  button {
    font: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-block-size: 2.25rem;
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }

  .button[data-variant='primary'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }

  .button[data-variant='danger'] {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .status-badge {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border-radius: 999px;
    /* At the text's size and the headers' weight: every size or weight a first paint uses is
       one more font face the browser sets up (docs/PERFORMANCE.md, "Two font faces instead of
       five"). */
    font-weight: 600;
    white-space: nowrap;
  }
  .status-badge::before {
    content: '';
    inline-size: 0.5em;
    block-size: 0.5em;
    border-radius: 50%;
    background: currentColor;
  }
  .status-badge[data-status='DRAFT'] {
    background: var(--_status-draft-bg);
    color: var(--_status-draft-fg);
  }
  .status-badge[data-status='OPEN'] {
    background: var(--_status-open-bg);
    color: var(--_status-open-fg);
  }
  .status-badge[data-status='VOID'] {
    background: var(--_status-void-bg);
    color: var(--_status-void-fg);
  }
  .status-badge[data-status='CLOSED'] {
    background: var(--_status-closed-bg);
    color: var(--_status-closed-fg);
  }
  .status-badge[data-status='unknown'] {
    background: var(--_status-unknown-bg);
    color: var(--_status-unknown-fg);
  }
  /* The derived Overdue state (issue 25), next to the status: text plus colour. */
  .status-badge[data-status='overdue'] {
    background: var(--_warning-bg);
    color: var(--_warning-fg);
  }

  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_warning-bg);
    color: var(--_warning-fg);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
