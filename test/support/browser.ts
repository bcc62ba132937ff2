/**
 * What the browser driving the tests can do. The suite runs in Chromium (CDP) and in Firefox
 * ESR (puppeteer over WebDriver BiDi, web-test-runner.firefox.config.js).
 */

/** Firefox, whatever the driver. */
export const isFirefox = /\bFirefox\//u.test(navigator.userAgent);

/**
 * Whether `emulateMedia` from @web/test-runner-commands works: it needs the Chrome DevTools
 * Protocol, which puppeteer does not offer over WebDriver BiDi ("CDP support is required for
 * this feature"), so not in Firefox.
 */
export const canEmulateMedia = !isFirefox;
