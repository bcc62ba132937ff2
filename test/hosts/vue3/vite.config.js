// The four tags are custom elements, not Vue components: Vue's template compiler leaves them to
// the browser (and binds `:prop` as DOM properties, `@event` as DOM listeners).
import vue from '@vitejs/plugin-vue';

const TAGS = new Set(['invoice-table', 'invoice-viewer', 'status-updater', 'download-menu']);

export default {
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => TAGS.has(tag) } } })],
};
