// The host's jQuery 2.x, used only by tests as the real `jquery` AMD module; no typings package needed for that.
declare module 'jquery' {
  const jquery: unknown;
  export default jquery;
}
