/**
 * The admin-only part of the widget (plus the error catalog's explanations, see `explainFailure` below), built into its own AMD module `admin.js` that script.js loads on demand
 * (src/host/adminKit.ts): the inspector's launcher, panel and advanced-page section, the settings form and the
 * team report. Managers never load it, so none of this weighs on the script.js every page of every user loads.
 * Each view draws into a root and returns its undo; everything it needs comes in as props.
 */
import { h, type ComponentChild } from 'preact';
import type { Undo } from './feature';
import { injectStyle, mount } from './host/mount';
import type { Captured } from './host/network/emitter';
import type { Slot } from './host/network/sessionSlot';
import { toEntry } from './inspector/entry';
import { explainFailure } from './inspector/explainFailure';
import { Inspector, InspectorPage, type InspectorProps } from './inspector/Inspector';
import { createStore, type Store } from './inspector/store';
import { INSPECTOR_CSS } from './inspector/styles';
import { SettingsForm, type SettingsFormProps } from './settings/SettingsForm';
import { SETTINGS_CSS } from './settings/styles';
import { TeamReport, type TeamReportProps } from './settings/TeamReport';

/** The admin's failure history: captured failures become redacted entries, kept in the tab's session. */
export interface InspectorStore extends Store {
  capture(captured: Captured): void;
}

/** What admin.js returns to the page's RequireJS. */
export interface AdminKit {
  /** Creates the inspector's history (one per widget instance), restoring what this tab kept. */
  inspectorStore(slot: Slot): InspectorStore;
  /** The inspector's launcher and dialog; `root` undefined: a new scoped container on the page's body. */
  inspector(root: HTMLElement | undefined, props: InspectorProps): Undo;
  /** The inspector's section of the advanced settings page. */
  inspectorPage(root: HTMLElement, props: InspectorProps): Undo;
  /** The settings modal's custom field. */
  settingsForm(root: HTMLElement, props: SettingsFormProps): Undo;
  /** The team report on the advanced settings page. */
  teamReport(root: HTMLElement, props: TeamReportProps): Undo;
  /**
   * The error catalog's explanation of a failed call. The reminder asks for it when amoCRM rejects a task, the only
   * time a manager's page loads this file: the catalog need not weigh on every page.
   */
  explainFailure: typeof explainFailure;
}

/** Mounts `vnode` with its style sheet; one undo takes both away. */
const styled =
  <P>(id: string, css: string, view: (props: P) => ComponentChild) =>
  (root: HTMLElement | undefined, props: P): Undo => {
    const style = injectStyle(id, css);
    const unmount = mount(view(props), root);
    return () => {
      unmount();
      style();
    };
  };

const adminKit: AdminKit = {
  inspectorStore(slot) {
    const store = createStore(slot);
    return {
      ...store,
      capture(captured) {
        const entry = toEntry(captured);
        if (entry) store.add(entry);
      },
    };
  },
  inspector: styled('inspector', INSPECTOR_CSS, (props: InspectorProps) => h(Inspector, props)),
  inspectorPage: styled('inspector', INSPECTOR_CSS, (props: InspectorProps) => h(InspectorPage, props)),
  settingsForm: styled('settings', SETTINGS_CSS, (props: SettingsFormProps) => h(SettingsForm, props)),
  teamReport: styled('settings', SETTINGS_CSS, (props: TeamReportProps) => h(TeamReport, props)),
  explainFailure,
};

export default adminKit;
