/*
 * The host page's entry module (sandbox/page.ts loads it with `<script type="module">`): APP, the modal and the
 * `json!` plugin, both widgets through the shared loader, then the shell and the router. The import order is the
 * order they run in, as the script tags were before.
 */
import './app.js';
import './modal.js';
import './widget.js';
import './secondWidget.js';
import { startRouter } from './router.js';
import { drawShell } from './shell.js';

// ?user= and ?lang= were turned into cookies by the server; drop them so a reload follows the cookies.
const url = new URL(location.href);
if (url.searchParams.has('user') || url.searchParams.has('lang')) {
  url.searchParams.delete('user');
  url.searchParams.delete('lang');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

const { work, items } = drawShell();
startRouter(work, items);
