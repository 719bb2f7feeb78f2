import type { ApiRequest, ApiResponse } from '../http';
import type { Store } from '../store';

/** What every API handler sees besides the request: the account and the switches the tests flip. */
export interface ApiContext {
  store: Store;
  /** amoCRM's "API filtering" add-on: when off, list filters are ignored and the account says so. */
  apiFilter: boolean;
}

export type Handler = (req: ApiRequest, ctx: ApiContext) => ApiResponse;
