// A Vue 3 host: an SFC composes the four tags (typed in templates by invoice-elements/vue).
import { defineInvoiceElements } from 'invoice-elements';
import { createApp } from 'vue';
import App from './App.vue';
import { recordDownloads } from './shared/host-data.js';

defineInvoiceElements();
recordDownloads(document);
createApp(App).mount('#app');
