// Runs first (a classic script in <head>): records every Content-Security-Policy violation on
// the page, and every error, before the bundle or the page's module can cause one. The test
// reads `window.__csp`. Violations inside shadow roots reach `document` (the event bubbles and
// is composed); violations in workers do not reach the page: the server's report-uri gets those.
(function () {
  'use strict';
  var record = { violations: [], errors: [] };
  window.__csp = record;
  document.addEventListener(
    'securitypolicyviolation',
    function (e) {
      record.violations.push({
        effectiveDirective: e.effectiveDirective,
        violatedDirective: e.violatedDirective,
        blockedURI: e.blockedURI,
        sourceFile: e.sourceFile,
        lineNumber: e.lineNumber,
        columnNumber: e.columnNumber,
        sample: e.sample,
        disposition: e.disposition,
      });
    },
    true,
  );
  window.addEventListener('error', function (e) {
    record.errors.push('error: ' + (e.message || String(e.error)));
  });
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    record.errors.push('unhandled rejection: ' + (r && r.message ? r.message : String(r)));
  });
  var consoleError = console.error;
  console.error = function () {
    record.errors.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
})();
