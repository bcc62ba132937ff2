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

export function anchoredPopup(align: PopupAlign): AnchoredPopup {
  let shown: HTMLElement | undefined;
  let anchor: HTMLElement | undefined;

  const place = (): void => {
    if (!shown || !anchor) return;
    const style = shown.style;
    style.translate = style.maxBlockSize = '';
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    const a = anchor.getBoundingClientRect();
    style.maxInlineSize = `${width - 2 * MARGIN}px`;
    if (align === 'stretch') style.inlineSize = `${a.width}px`;
    const p = shown.getBoundingClientRect();
    const below = height - MARGIN - GAP - a.bottom;
    const above = a.top - GAP - MARGIN;
    const down = p.height <= below || below >= above;
    const room = Math.max(0, down ? below : above);
    if (p.height > room) style.maxBlockSize = `${room}px`;
    const tall = Math.min(p.height, room);
    const left =
      align === 'end' && getComputedStyle(anchor).direction !== 'rtl' ? a.right - p.width : a.left;
    const x = Math.max(MARGIN, Math.min(left, width - MARGIN - p.width));
    const y = Math.max(
      MARGIN,
      Math.min(down ? a.bottom + GAP : a.top - GAP - tall, height - MARGIN - tall),
    );
    style.translate = `${x - p.left}px ${y - p.top}px`;
  };

  const close = (): void => {
    if (!shown) return;
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
    if (shown.popover) shown.hidePopover();
    shown = anchor = undefined;
  };

  return {
    sync(popup, to, open) {
      if (!open || !popup?.isConnected || !to) return close();
      if (popup !== shown) {
        close();
        addEventListener('scroll', place, { capture: true, passive: true });
        addEventListener('resize', place);
        // `popover`: null without the attribute, undefined without the API (no top layer).
        if (popup.popover) {
          Object.assign(popup.style, {
            position: 'fixed',
            inset: '0 auto auto 0',
            margin: '0',
            color: 'inherit',
          });
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
