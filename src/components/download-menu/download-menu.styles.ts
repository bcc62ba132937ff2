import { css } from 'lit';
import { themeStyles } from '../shared/theme.styles.js';

export const downloadMenuStyles = [
  themeStyles,
  css`
    :host {
      --_menu-bg: var(--download-menu-background, var(--_bg));
      --_menu-border: var(--download-menu-border-color, var(--_border));
      --_menu-shadow: var(--download-menu-shadow, 0 4px 16px rgb(0 0 0 / 0.18));
      --_item-hover: var(--download-menu-item-hover-background, var(--_bg-alt));
      --_menu-min-inline-size: var(--download-menu-min-inline-size, 12rem);
      display: inline-block;
      position: relative;
    }

    :host([hidden]) {
      display: none;
    }

    .trigger::after {
      content: '';
      inline-size: 0.5em;
      block-size: 0.5em;
      border-inline-end: 2px solid currentColor;
      border-block-end: 2px solid currentColor;
      transform: translateY(-25%) rotate(45deg);
    }

    [role='menu'] {
      position: absolute;
      inset-inline-end: 0;
      inset-block-start: calc(100% + 0.25rem);
      z-index: 10;
      min-inline-size: var(--_menu-min-inline-size);
      margin: 0;
      padding-block: 0.25rem;
      padding-inline: 0;
      display: flex;
      flex-direction: column;
      background: var(--_menu-bg);
      border: 1px solid var(--_menu-border);
      border-radius: var(--_radius);
      box-shadow: var(--_menu-shadow);
      overflow: auto;
    }

    [role='menu'][hidden] {
      display: none;
    }

    [role='menuitem'] {
      display: block;
      inline-size: 100%;
      min-block-size: 2.25rem;
      padding-block: calc(var(--_space) * 0.75);
      padding-inline: calc(var(--_space) * 2);
      border: 0;
      background: transparent;
      color: var(--_fg);
      text-align: start;
      cursor: pointer;
    }

    [role='menuitem']:hover,
    [role='menuitem']:focus-visible {
      background: var(--_item-hover);
    }

    [role='menuitem']:focus-visible {
      outline: 2px solid var(--_primary);
      outline-offset: -2px;
      box-shadow: none;
    }

    .progress,
    .error {
      margin-block-start: var(--_space);
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }

    progress {
      inline-size: 10rem;
      accent-color: var(--_primary);
    }

    .none {
      color: var(--_muted);
    }
  `,
];
