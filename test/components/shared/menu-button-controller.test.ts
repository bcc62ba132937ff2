/**
 * MenuButtonController (components/shared/menu-button-controller.ts) on its own, through a tiny
 * test-only host element: the WAI-ARIA APG menu button's keys and focus, as a user meets them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, type TemplateResult } from 'lit';
import { MenuButtonController } from '../../../src/components/shared/menu-button-controller.js';

/** A menu button over `items`, bound to the controller as an element binds it. */
class TestMenuHost extends LitElement {
  static override properties = { items: { attribute: false } };
  items: string[] = ['Copy', 'Cut', 'Paste', 'Print', 'Delete'];
  chosen: string[] = [];
  readonly menu = new MenuButtonController(this);

  override render(): TemplateResult {
    const menu = this.menu;
    return html`<div @focusout=${menu.onFocusOut}>
      <button
        aria-haspopup="menu"
        aria-expanded=${menu.open ? 'true' : 'false'}
        aria-controls="menu"
        @click=${menu.toggle}
        @keydown=${menu.onButtonKeydown}
      >
        Actions
      </button>
      <div
        id="menu"
        role="menu"
        aria-label="Actions"
        ?hidden=${!menu.open}
        @keydown=${menu.onMenuKeydown}
      >
        ${this.items.map(
          (item, i) =>
            html`<button
              role="menuitem"
              tabindex=${i === menu.activeIndex ? '0' : '-1'}
              @click=${() => {
                this.chosen.push(item);
                menu.close(true);
              }}
            >
              ${item}
            </button>`,
        )}
      </div>
    </div>`;
  }
}
customElements.define('test-menu-host', TestMenuHost);

function parts(el: TestMenuHost) {
  const root = el.shadowRoot!;
  return {
    button: root.querySelector<HTMLButtonElement>('[aria-haspopup="menu"]')!,
    menu: root.querySelector<HTMLElement>('[role="menu"]')!,
    items: [...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')],
  };
}

const focusedText = (el: TestMenuHost): string | undefined =>
  el.shadowRoot!.activeElement?.textContent?.trim();

async function press(el: TestMenuHost, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** A host with a focusable control after it, so Tab and clicks stay in the page. */
async function page(): Promise<{ el: TestMenuHost; after: HTMLButtonElement }> {
  const wrapper = await fixture<HTMLElement>(
    html`<div>
      <test-menu-host></test-menu-host>
      <button id="after">After</button>
    </div>`,
  );
  const el = wrapper.querySelector<TestMenuHost>('test-menu-host')!;
  await el.updateComplete;
  return { el, after: wrapper.querySelector<HTMLButtonElement>('#after')! };
}

async function opened(): Promise<{ el: TestMenuHost; after: HTMLButtonElement }> {
  const found = await page();
  parts(found.el).button.focus();
  await press(found.el, 'Enter');
  return found;
}

describe('MenuButtonController', () => {
  it('starts closed; a click opens on the first item and a second click closes', async () => {
    const { el } = await page();
    const { button, menu } = parts(el);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.hidden).to.equal(false);
    expect(focusedText(el)).to.equal('Copy');
    button.click();
    await el.updateComplete;
    expect(menu.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });

  it('opens with Enter, Space or ArrowDown on the first item, with ArrowUp on the last', async () => {
    const { el } = await page();
    for (const [key, expected] of [
      ['Enter', 'Copy'],
      [' ', 'Copy'],
      ['ArrowDown', 'Copy'],
      ['ArrowUp', 'Delete'],
    ]) {
      parts(el).button.focus();
      await press(el, key);
      expect(parts(el).menu.hidden, key).to.equal(false);
      expect(focusedText(el), key).to.equal(expected);
      await press(el, 'Escape');
      expect(parts(el).menu.hidden, key).to.equal(true);
    }
  });

  it('moves with the arrows (wrapping) and Home/End, with a roving tabindex', async () => {
    const { el } = await opened();
    const steps: [string, string][] = [
      ['ArrowDown', 'Cut'],
      ['ArrowUp', 'Copy'],
      ['ArrowUp', 'Delete'],
      ['ArrowDown', 'Copy'],
      ['End', 'Delete'],
      ['Home', 'Copy'],
      ['ArrowDown', 'Cut'],
    ];
    for (const [key, expected] of steps) {
      await press(el, key);
      expect(focusedText(el), key).to.equal(expected);
    }
    expect(parts(el).items.map((i) => i.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1]);
  });

  it('Escape closes and returns focus to the button', async () => {
    const { el } = await opened();
    await press(el, 'ArrowDown');
    await press(el, 'Escape');
    expect(parts(el).menu.hidden).to.equal(true);
    expect(parts(el).button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).button);
  });

  it('Tab closes, and focus moves on', async () => {
    const { el, after } = await opened();
    await press(el, 'Tab');
    expect(parts(el).menu.hidden).to.equal(true);
    expect(document.activeElement).to.equal(after);
  });

  it('a click outside closes', async () => {
    const { el, after } = await opened();
    const box = after.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await el.updateComplete;
    expect(parts(el).menu.hidden).to.equal(true);
    expect(parts(el).button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('typeahead: a letter moves to the next item starting with it, after the focused one', async () => {
    const { el } = await opened();
    await press(el, 'c');
    expect(focusedText(el)).to.equal('Cut');
    expect(parts(el).menu.hidden).to.equal(false);
  });

  it('typeahead: letters typed together add up; no match leaves the focus where it is', async () => {
    const { el } = await opened();
    // One command, so the letters arrive well within the typeahead timeout.
    await sendKeys({ type: 'pr' });
    await el.updateComplete;
    expect(focusedText(el)).to.equal('Print');
    await sendKeys({ type: 'x' });
    await el.updateComplete;
    expect(focusedText(el)).to.equal('Print');
    expect(parts(el).menu.hidden).to.equal(false);
  });

  it('Enter on an item chooses it; the host closes the menu with focus back on the button', async () => {
    const { el } = await opened();
    await press(el, 'End');
    await press(el, 'Enter');
    expect(el.chosen).to.deep.equal(['Delete']);
    expect(parts(el).menu.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(parts(el).button);
  });

  it('closes when its items go away, and does not open without items', async () => {
    const { el } = await opened();
    el.items = [];
    await el.updateComplete;
    await el.updateComplete;
    expect(el.menu.open).to.equal(false);
    expect(parts(el).button.getAttribute('aria-expanded')).to.equal('false');
    parts(el).button.click();
    await el.updateComplete;
    expect(parts(el).button.getAttribute('aria-expanded')).to.equal('false');
  });
});
