import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { errorsOf } from './harness';

/** Nothing thrown in the page and nothing logged as an error; failed responses are left to each test (some want them). */
export const expectClean = (page: Page): void => {
  const { pageErrors, consoleErrors } = errorsOf(page);
  expect({ pageErrors, consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
};
