/**
 * What the browser driving the tests can do. The suite runs in Chromium (CDP), in Firefox ESR
 * (puppeteer over WebDriver BiDi, web-test-runner.firefox.config.js) and in WebKit (MiniBrowser
 * over WebKitWebDriver, web-test-runner.webkit.config.js).
 */

const ua = navigator.userAgent;

/** Firefox, whatever the driver. */
export const isFirefox = /\bFirefox\//u.test(ua);

/** WebKit (Safari's engine; MiniBrowser here): WebKit without Chrome's or Edge's marks (`HeadlessChrome/` included). */
export const isWebKit = /AppleWebKit\//u.test(ua) && !/(Chrome|Chromium|Edg)\//u.test(ua);

/**
 * Whether `emulateMedia` from @web/test-runner-commands works: it needs the Chrome DevTools
 * Protocol, which neither puppeteer over WebDriver BiDi (Firefox) nor the WebDriver launcher
 * (WebKit) offers. Tests that need it have a twin that applies the same `@media` rules through
 * `applyMediaRules` below, which runs in every engine.
 */
export const canEmulateMedia = !isFirefox && !isWebKit;

/**
 * Applies, to `root` and to every open shadow root inside it, the rules of its `@media` blocks
 * whose condition mentions `condition` (e.g. `print`, `prefers-color-scheme: dark`), without
 * their condition: the page then renders as if that media feature matched. Returns how many
 * such blocks were found.
 */
export function applyMediaRules(root: ShadowRoot, condition: string): number {
  let found = 0;
  const visit = (shadow: ShadowRoot): void => {
    const sheets = [
      ...shadow.adoptedStyleSheets,
      ...[...shadow.querySelectorAll('style')].map((style) => style.sheet!),
    ];
    const rules = sheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
      .filter((rule) => rule.conditionText.replace(/\s+/g, ' ').includes(condition));
    found += rules.length;
    if (rules.length > 0) {
      const applied = new CSSStyleSheet();
      applied.replaceSync(
        rules.flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText)).join('\n'),
      );
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, applied];
    }
    for (const el of shadow.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(root);
  return found;
}
