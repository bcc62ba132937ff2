/**
 * Hostile strings for the "hostile data" suite. Every payload that could run script sets the
 * global canary `window.__xssCanary` (see {@link CANARY}); the suite asserts it stays unset and
 * that no element outside the components' own templates appears in any shadow root.
 *
 * Sources: OWASP XSS filter evasion cheat sheet, PortSwigger XSS cheat sheet, mXSS and
 * template-injection classics, adapted to call the canary.
 */

/** The global the payloads try to set. */
export const CANARY = '__xssCanary';

const hit = `window.${CANARY}=1`;

export const XSS_PAYLOADS: readonly string[] = [
  `<script>${hit}</script>`,
  `<img src=x onerror="${hit}">`,
  `<img src=x onerror=${hit}>`,
  `"><img src=x onerror=${hit}>`,
  `'><img src=x onerror=${hit}>`,
  `</title><img src=x onerror=${hit}>`,
  `<svg onload=${hit}>`,
  `<svg><script>${hit}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${hit}>`,
  `<iframe src="javascript:${hit}"></iframe>`,
  `<iframe srcdoc="<script>parent.${CANARY}=1</script>"></iframe>`,
  `<body onload=${hit}>`,
  `<details open ontoggle=${hit}>`,
  `<input autofocus onfocus=${hit}>`,
  `<video><source onerror=${hit}></video>`,
  `<audio src=x onerror=${hit}>`,
  `<object data="javascript:${hit}"></object>`,
  `<embed src="javascript:${hit}">`,
  `<a href="javascript:${hit}">click</a>`,
  `javascript:${hit}`,
  `JaVaScRiPt:${hit}`,
  `data:text/html,<script>${hit}</script>`,
  `<marquee onstart=${hit}>x</marquee>`,
  `<div style="background:url(javascript:${hit})">`,
  `<style>@import 'javascript:${hit}';</style>`,
  `<link rel=stylesheet href="javascript:${hit}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${hit}">`,
  `<form><button formaction="javascript:${hit}">x</button></form>`,
  `<template><img src=x onerror=${hit}></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${hit}>">`,
  `<select><template><img src=x onerror=${hit}></template></select>`,
  `<!--<img src="--><img src=x onerror=${hit}//">`,
  `<scr<script>ipt>${hit}</scr</script>ipt>`,
  `&lt;img src=x onerror=${hit}&gt;`,
  `\u003cimg src=x onerror=${hit}\u003e`,
  `<img src=x onerror="&#119;indow.${CANARY}=1">`,
  `<svg><animate onbegin=${hit} attributeName=x dur=1s>`,
  `<svg><a><animate attributeName=href values=javascript:${hit} /><text x=20 y=20>x</text></a></svg>`,
  `<x contenteditable onblur=${hit}>lose focus</x>`,
  `<slot name="x" onclick=${hit}></slot>`,
  `{{constructor.constructor('${hit}')()}}`,
  `\${${hit}}`,
  `<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">${hit}</x:script>`,
  `" autofocus onfocus="${hit}`,
  `' onmouseover='${hit}`,
  `<base href="javascript:/a/-alert(1)///////">`,
  `<img src="x` + '\u0000' + `" onerror=${hit}>`,
  `<dialog open onclose=${hit}><form method=dialog><button>x</button></form></dialog>`,
];

/** Tag names a payload could create (lower case); none may appear in the components. */
export const PAYLOAD_TAGS: readonly string[] = [
  'script',
  'img',
  'svg',
  'math',
  'iframe',
  'body',
  'details',
  'video',
  'audio',
  'source',
  'object',
  'embed',
  'a',
  'marquee',
  'style',
  'link',
  'meta',
  'form',
  'template',
  'noscript',
  'x',
  'base',
  'animate',
  'mglyph',
  'mtext',
  'x:script',
  'scr',
];
