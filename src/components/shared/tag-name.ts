/**
 * The tag a class is registered under, so an element that renders another one (the viewer
 * renders a status updater) uses the host's chosen name when the host registered our classes
 * under other tag names.
 */
const VALID_TAG = /^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/;

export function tagNameOf(klass: CustomElementConstructor, fallback: string): string {
  const name = customElements.getName?.(klass) ?? null;
  return name && VALID_TAG.test(name) ? name : fallback;
}
