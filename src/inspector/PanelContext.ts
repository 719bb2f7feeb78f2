import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n';

/** What every part of the panel reads and nobody passes down by hand. */
export interface PanelSettings {
  t: Translate;
  language: string;
  timezone: string;
  subdomain: string;
  /** Formats an epoch time in the account's zone. */
  time: (at: number) => string;
  /** Switches the panel to a tab (a 429 entry points to the traffic view). */
  show: (tab: PanelTab) => void;
  /** False when the page gave no traffic meter: nothing to point to. */
  hasTraffic: boolean;
}

export type PanelTab = 'failures' | 'traffic';

const fallback: PanelSettings = {
  t: (key) => key,
  language: 'en',
  timezone: 'UTC',
  subdomain: '',
  time: (at) => new Date(at).toISOString(),
  show: () => undefined,
  hasTraffic: false,
};

/** Preact's context (in core, no extra bytes): set once by `PanelBody`. */
export const PanelContext = createContext<PanelSettings>(fallback);

export const usePanel = (): PanelSettings => useContext(PanelContext);
