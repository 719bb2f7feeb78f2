import { createCallbacks } from './host/callbacks';
import { isJQuery } from './host/jquery';
import type { AmoWidget } from './host/amo';
import type { StartFeature } from './feature';
import { startInspector } from './inspector/startInspector';
import { startReminder } from './reminder/startReminder';

const features: readonly StartFeature[] = [startReminder, startInspector];

/**
 * The AMD factory's body: given the host's jQuery, returns the widget constructor. It must stay a plain function
 * (not a class): the host swaps its prototype for the widget base object and calls `new` on it.
 */
export default function createWidgetConstructor($: unknown): new () => AmoWidget {
  function TaskGuardWidget(this: AmoWidget): void {
    this.callbacks = createCallbacks(this, { $: isJQuery($) ? $ : undefined, features });
  }
  return TaskGuardWidget as unknown as new () => AmoWidget;
}
