/**
 * anchoredPopup: shows a pop-up (the download menu, the customer suggestions) in the top layer
 * next to its anchor, so no `overflow`, `transform` or `z-index` of the host's containers clips
 * or covers it, and keeps it inside the viewport (issue 17, docs/RULES.md "Other rules").
 *
 * The pop-up carries `popover="manual"`: opening and closing stay with the element's own
 * keyboard, Escape and focus-out handling (WAI-ARIA APG), not the browser's light dismiss. It is
 * placed below the anchor, or above it when there is more room there, moved inside the viewport
 * with a small margin, its height capped to the room left (it scrolls inside), again on every
 * scroll and resize while open. The user agent's `[popover]` box (`inset: 0; margin: auto`,
 * its colours) is reset here. Without the Popover API (no `popover` property) it stays where its
 * styles put it, moved inside the viewport all the same. CSS anchor positioning is not used:
 * not every engine has it.
 */

/** Space kept between the pop-up and the viewport's edges, in CSS pixels. */
const MARGIN = 8;
/** Space between the anchor and the pop-up. */
const GAP = 4;

/** `end`: the pop-up's end edge under the anchor's; `stretch`: as wide as the anchor. */
export type PopupAlign = 'end' | 'stretch';

export interface AnchoredPopup {
  /** Call after each render: shows `popup` next to `anchor` while `open`, else hides it. */
  sync(popup: HTMLElement | null, anchor: HTMLElement | null, open: boolean): void;
  /** Hides the pop-up and stops following scrolls and resizes. */
  close(): void;
}

/** Scrolls of any scrolling ancestor (the capture phase), passive. */
const LISTEN: AddEventListenerOptions = { capture: true, passive: true };

export function anchoredPopup(align: PopupAlign): AnchoredPopup {
  let shown: HTMLElement | undefined;
  let anchor: HTMLElement | undefined;

  const place = (): void => {
    if (!shown || !anchor) return;
    const style = shown.style;
    style.translate = style.maxBlockSize = '';
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const a = anchor.getBoundingClientRect();
    if (align === 'stretch') style.inlineSize = `${Math.min(a.width, width - 2 * MARGIN)}px`;
    const p = shown.getBoundingClientRect();
    const below = height - MARGIN - GAP - a.bottom;
    const above = a.top - GAP - MARGIN;
    const down = p.height <= below || below >= above;
    const room = Math.max(0, down ? below : above);
    if (p.height > room) style.maxBlockSize = `${room}px`;
    const start = align === 'stretch' || getComputedStyle(anchor).direction === 'rtl';
    const x = Math.min(start ? a.left : a.right - p.width, width - MARGIN - p.width);
    const y = down ? a.bottom + GAP : a.top - GAP - Math.min(p.height, room);
    style.translate = `${Math.max(MARGIN, x) - p.left}px ${Math.max(MARGIN, y) - p.top}px`;
  };

  const close = (): void => {
    if (!shown) return;
    removeEventListener('scroll', place, LISTEN);
    removeEventListener('resize', place);
    if (shown.popover) shown.hidePopover();
    shown = anchor = undefined;
  };

  return {
    sync(popup, to, open) {
      if (!open || !popup || !to) return close();
      if (popup !== shown) {
        close();
        addEventListener('scroll', place, LISTEN);
        addEventListener('resize', place);
        // `popover`: null without the attribute, undefined without the API (no top layer).
        if (popup.popover) {
          // The user agent's box of a popover (inset: 0; margin: auto) off; colours inherited.
          popup.style.cssText = 'position:fixed;inset:0 auto auto 0;margin:0;color:inherit';
          popup.showPopover();
        }
        shown = popup;
      }
      anchor = to;
      place();
    },
    close,
  };
}
