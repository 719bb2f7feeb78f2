/*
 * The boot data the server writes into the page (sandbox/page.ts `shellHtml`: the user, the account, the widget's
 * install info and the sandbox clock) as an inline script before any module runs. Read here once; every host
 * module imports it from this file.
 */
export const boot = window.__SANDBOX_BOOT__;
