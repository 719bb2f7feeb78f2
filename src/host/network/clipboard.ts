/**
 * Copies text for the "copy report" button: the async Clipboard API where the page allows it, else a hidden
 * textarea and `execCommand('copy')` (older browsers, or an amoCRM page framed without clipboard permission).
 */
export const copyText = async (text: string, doc: Document = document): Promise<boolean> => {
  try {
    const clipboard = doc.defaultView?.navigator.clipboard;
    if (clipboard?.writeText) {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or not focused: try the fallback.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  const active = doc.activeElement instanceof HTMLElement ? doc.activeElement : undefined;
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    active?.focus();
  }
};
