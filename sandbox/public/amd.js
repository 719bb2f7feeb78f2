/*
 * RequireJS, the host's AMD loader: require.js (loaded by a classic script tag in the page's head, as amoCRM loads
 * its own) defines `window.require` and `window.define`, which the widget's script.js needs as globals. Host
 * modules take them from here instead of reading window themselves.
 */
/** RequireJS's global loader (AMD), not CommonJS. */
export const amdRequire = window.require;
export const amdDefine = window.define;
