import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from './config';
import {
  appliesTo,
  isCandidate,
  isInScope,
  lacksNextStep,
  stageKey,
  withoutTaskSince,
  type Deal,
  type OpenTask,
  type Stage,
} from './policy';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const S = NOW / 1000;
const HOUR = 3600;
const DAY = 86_400;

const config = (patch: Partial<Config> = {}): Config => ({ ...DEFAULT_CONFIG, ...patch });
const deal = (patch: Partial<Deal> = {}): Deal => ({
  id: 10,
  name: 'Deal',
  price: 1000,
  responsibleUserId: 2,
  pipelineId: 1,
  statusId: 20,
  createdAt: S - 10 * DAY,
  updatedAt: S - 2 * DAY,
  closestTaskAt: null,
  contactIds: [50],
  companyIds: [70],
  ...patch,
});
const stages = new Map<string, Stage>([
  [stageKey(1, 10), { pipelineId: 1, statusId: 10, name: 'Unsorted', pipelineName: 'Sales', unsorted: true }],
  [stageKey(1, 20), { pipelineId: 1, statusId: 20, name: 'First contact', pipelineName: 'Sales', unsorted: false }],
  [stageKey(1, 30), { pipelineId: 1, statusId: 30, name: 'Proposal', pipelineName: 'Sales', unsorted: false }],
]);
const task = (patch: Partial<OpenTask> = {}): OpenTask => ({
  id: 1,
  entityType: 'leads',
  entityId: 10,
  completeTill: S + DAY,
  ...patch,
});

describe('who is reminded', () => {
  it.each([
    ['an active manager', { id: 2, isAdmin: false, active: true }, {}, true],
    ['an inactive manager', { id: 2, isAdmin: false, active: false }, {}, false],
    ['an excluded manager', { id: 2, isAdmin: false, active: true }, { excludedUsers: [2] }, false],
    ['an admin by default', { id: 1, isAdmin: true, active: true }, {}, false],
    ['an admin when admins are included', { id: 1, isAdmin: true, active: true }, { includeAdmins: true }, true],
    [
      'an excluded admin even when included',
      { id: 1, isAdmin: true, active: true },
      { includeAdmins: true, excludedUsers: [1] },
      false,
    ],
  ])('%s', (_name, person, patch: Partial<Config>, expected) => {
    expect(appliesTo(person, config(patch))).toBe(expected);
  });
});

describe('which deals are in scope', () => {
  it.each([
    ['an open deal of the user in a normal stage', {}, {}, true],
    ['a deal of another manager', { responsibleUserId: 3 }, {}, false],
    ['a won deal', { statusId: 142 }, {}, false],
    ['a lost deal', { statusId: 143 }, {}, false],
    ['a deal in "unsorted"', { statusId: 10 }, {}, false],
    ['a deal in a stage the pipelines did not list', { statusId: 99 }, {}, true],
    ['a deal in a watched stage', { statusId: 30 }, { stages: { '1': [30] } }, true],
    ['a deal in an unwatched stage', { statusId: 20 }, { stages: { '1': [30] } }, false],
    ['a deal in an unwatched pipeline', { pipelineId: 2, statusId: 30 }, { stages: { '1': [30] } }, false],
    ['won stays out even when listed', { statusId: 142 }, { stages: { '1': [142] } }, false],
    ['a deal inside the grace period', { createdAt: S - 29 * 60 }, {}, false],
    ['a deal just past the grace period', { createdAt: S - 30 * 60 }, {}, true],
    ['a fresh deal with no grace period', { createdAt: S - 1 }, { graceMinutes: 0 }, true],
  ])('%s', (_name, dealPatch: Partial<Deal>, patch: Partial<Config>, expected) => {
    expect(isInScope(deal(dealPatch), 2, config(patch), stages, NOW)).toBe(expected);
  });

  it('takes every responsible user for the team report', () => {
    expect(isInScope(deal({ responsibleUserId: 5 }), null, config(), stages, NOW)).toBe(true);
  });
});

describe('which deals lack a next step', () => {
  it.each([
    ['no task at all', [], {}, true],
    ['a future task on the deal', [task()], {}, false],
    ['an overdue task on the deal (default: counts)', [task({ completeTill: S - DAY })], {}, false],
    ['an overdue task when overdue counts as none', [task({ completeTill: S - DAY })], { overdueIsNoTask: true }, true],
    [
      'an overdue and a future task when overdue counts as none',
      [task({ completeTill: S - DAY }), task({ id: 2, completeTill: S + HOUR })],
      { overdueIsNoTask: true },
      false,
    ],
    ['a task 30 days away (no horizon)', [task({ completeTill: S + 30 * DAY })], {}, false],
    ['a task 30 days away beyond a 14-day horizon', [task({ completeTill: S + 30 * DAY })], { horizonDays: 14 }, true],
    ['a task 10 days away inside a 14-day horizon', [task({ completeTill: S + 10 * DAY })], { horizonDays: 14 }, false],
    ['a task on another deal', [task({ entityId: 11 })], {}, true],
    ['a task on the contact (default: does not count)', [task({ entityType: 'contacts', entityId: 50 })], {}, true],
    [
      'a task on the contact when linked tasks count',
      [task({ entityType: 'contacts', entityId: 50 })],
      { linkedTasksCount: true },
      false,
    ],
    [
      'a task on the company when linked tasks count',
      [task({ entityType: 'companies', entityId: 70 })],
      { linkedTasksCount: true },
      false,
    ],
    [
      'a task on an unrelated contact when linked tasks count',
      [task({ entityType: 'contacts', entityId: 51 })],
      { linkedTasksCount: true },
      true,
    ],
  ])('%s', (_name, tasks: OpenTask[], patch: Partial<Config>, expected) => {
    expect(lacksNextStep(deal(), tasks, config(patch), NOW)).toBe(expected);
  });
});

describe('candidates from closest_task_at', () => {
  it.each([
    ['null', null, {}, true],
    ['zero', 0, {}, true],
    ['a future task', S + DAY, {}, false],
    ['an overdue task (counts by default)', S - DAY, {}, false],
    ['an overdue task when overdue counts as none', S - DAY, { overdueIsNoTask: true }, true],
    ['a task beyond the horizon', S + 40 * DAY, { horizonDays: 7 }, true],
  ])('%s', (_name, closestTaskAt: number | null, patch: Partial<Config>, expected) => {
    expect(isCandidate(deal({ closestTaskAt }), config(patch), NOW)).toBe(expected);
  });
});

describe('how long without a task', () => {
  it.each([
    ['an overdue task: since it was due', { closestTaskAt: S - 3 * DAY }, (S - 3 * DAY) * 1000],
    ['no task: since the last change', { closestTaskAt: null }, (S - 2 * DAY) * 1000],
    ['never changed: since creation', { updatedAt: 0 }, (S - 10 * DAY) * 1000],
  ])('%s', (_name, patch: Partial<Deal>, expected) => {
    expect(withoutTaskSince(deal(patch), NOW)).toBe(expected);
  });
});
