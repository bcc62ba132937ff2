// A module worker that breaks the policy on purpose (`?break=worker`): code from a string.
// Its violation never reaches the page's listener; the server's report-uri must receive it,
// which shows that the reports cover the export workers too.
try {
  new Function('return 1')();
  self.postMessage('evaluated');
} catch (error) {
  self.postMessage(`refused: ${error.name}`);
}
