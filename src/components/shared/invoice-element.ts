/**
 * The base of the four elements: the backend (property or context, always validated), the
 * audience, and the locale. Not a custom element itself.
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import type { InvoiceBackend } from '../../core/backend.js';
import type { InvoiceFlow } from '../../core/status.js';
import type { Audience } from '../../core/types.js';
import { withValidation } from '../../core/validate.js';
import { CONSUMES_BACKEND, invoiceBackendContext } from './backend-context.js';
import type { CancelableInvoiceEvent, InvoiceEventMap } from './events.js';

const validated = new WeakMap<InvoiceBackend, InvoiceBackend>();

// The converters below only read attributes: a reflected value is written by Lit's default
// converter, which sets the string as it is and removes the attribute for `undefined`.

/** Reads the `audience` attribute failing closed: anything but `operator` is the customer. */
export const audienceConverter = {
  fromAttribute(value: string | null): Audience {
    if (value === null || value === 'operator') return 'operator';
    return 'customer';
  },
};

/** Reads the `flow` attribute: `generation`, or `existing` for anything else. */
export const flowConverter = {
  fromAttribute(value: string | null): InvoiceFlow {
    return value === 'generation' ? 'generation' : 'existing';
  },
};

export type ThemeName = 'light' | 'dark';
export type Density = 'comfortable' | 'compact';

/** `light` or `dark`; anything else (or no attribute) follows `prefers-color-scheme`. */
export const themeConverter = {
  fromAttribute(value: string | null): ThemeName | undefined {
    return value === 'light' || value === 'dark' ? value : undefined;
  },
};

/** `compact`; anything else (or no attribute) is the default, comfortable density. */
export const densityConverter = {
  fromAttribute(value: string | null): Density | undefined {
    return value === 'compact' || value === 'comfortable' ? value : undefined;
  },
};

/**
 * The base of the four elements. Every element inherits these attributes:
 *
 * - `audience`: `operator` (default) or `customer`; anything else means `customer`.
 * - `theme`: `light` or `dark` forces a colour scheme; unset follows `prefers-color-scheme`.
 *   An element that hosts others (the viewer's status updater and download menu) passes it on.
 * - `density`: `compact` (smaller spacing and rows) or unset / `comfortable` (default).
 *   Passed on like `theme`.
 * - `lang` (global attribute): the element's locale, else the nearest ancestor's.
 */
export abstract class InvoiceElement extends LitElement {
  /** The backend adapter. Wins over one provided through context. */
  @property({ attribute: false })
  backend?: InvoiceBackend;

  /** The adapter provided through context (`provideInvoiceBackend`), if any. */
  @state()
  protected contextBackend?: InvoiceBackend;

  constructor() {
    super();
    // What `@consume({ context, subscribe: true })` does, without shipping the decorator (the
    // consumer adds itself to this element's controllers). Kept where a late
    // `provideInvoiceBackend` finds it, to ask again.
    this[CONSUMES_BACKEND] = new ContextConsumer(this, {
      context: invoiceBackendContext,
      subscribe: true,
      callback: (backend) => {
        this.contextBackend = backend;
      },
    });
  }

  /**
   * Who is looking: `operator` (the reseller, default) or `customer` (the end customer's
   * portal: never a draft, no status or discard actions). Any other value means `customer`.
   */
  @property({ reflect: true, attribute: 'audience', converter: audienceConverter })
  audience: Audience = 'operator';

  /**
   * Forces the colour scheme: `light` or `dark`. Unset (default) follows the user's
   * `prefers-color-scheme`. Reflected, and passed on to nested invoice elements.
   */
  @property({ reflect: true, attribute: 'theme', converter: themeConverter })
  theme?: ThemeName;

  /**
   * `compact` (smaller spacing and rows) or `comfortable` (default). Reflected, and passed on to
   * nested invoice elements.
   */
  @property({ reflect: true, attribute: 'density', converter: densityConverter })
  density?: Density;

  /** @internal The context consumer, through which a late `provideInvoiceBackend` asks again. */
  readonly [CONSUMES_BACKEND]: ContextConsumer<typeof invoiceBackendContext, InvoiceElement>;

  /** The adapter in force, wrapped so every payload it returns is validated. */
  protected get activeBackend(): InvoiceBackend | undefined {
    const raw = this.backend ?? this.contextBackend;
    if (!raw) return undefined;
    let wrapped = validated.get(raw);
    if (!wrapped) {
      wrapped = withValidation(raw);
      validated.set(raw, wrapped);
    }
    return wrapped;
  }

  /**
   * Fires one of the elements' events (bubbling, composed). Cancelable events return whether
   * the host let the step go on (`false` after `preventDefault()`); others return `true`.
   */
  protected emit<K extends keyof InvoiceEventMap>(type: K, detail: InvoiceEventMap[K]): boolean {
    const cancelable = (CANCELABLE as ReadonlySet<string>).has(type);
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
    );
  }
}

const CANCELABLE: ReadonlySet<CancelableInvoiceEvent> = new Set([
  'invoice-discard-request',
  'invoice-status-change-request',
  'invoice-download-request',
  'invoice-bulk-status-change-request',
]);
