/**
 * The base of the four elements: the backend (property or context, always validated), the
 * audience, and the locale. Not a custom element itself.
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { InvoiceBackend } from '../../core/backend.js';
import type { Audience } from '../../core/types.js';
import { withValidation } from '../../core/validate.js';
import { invoiceBackendContext } from './backend-context.js';

const validated = new WeakMap<InvoiceBackend, InvoiceBackend>();

/** Reads the `audience` attribute failing closed: anything but `operator` is the customer. */
export const audienceConverter = {
  fromAttribute(value: string | null): Audience {
    if (value === null || value === 'operator') return 'operator';
    return 'customer';
  },
  toAttribute(value: Audience): string {
    return value;
  },
};

export abstract class InvoiceElement extends LitElement {
  /** The backend adapter. Wins over one provided through context. */
  @property({ attribute: false })
  backend?: InvoiceBackend;

  @consume({ context: invoiceBackendContext, subscribe: true })
  @state()
  protected contextBackend?: InvoiceBackend;

  /**
   * Who is looking: `operator` (the reseller, default) or `customer` (the end customer's
   * portal: never a draft, no status or discard actions). Any other value means `customer`.
   */
  @property({ reflect: true, attribute: 'audience', converter: audienceConverter })
  audience: Audience = 'operator';

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
}
