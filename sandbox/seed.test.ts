// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { NOW } from './fixtures';
import { isClosedStatus } from './model';
import { seed } from './seed';
import { Store } from './store';
import { markerOf } from './ui';

describe('seed', () => {
  it('is deterministic', () => {
    expect(seed({ now: NOW })).toEqual(seed({ now: NOW }));
  });

  it('builds the demo account: Demo, Moscow, RUB, one admin and four managers, 60 deals in two pipelines', () => {
    const data = seed({ now: NOW });
    expect(data.account).toMatchObject({ name: 'Demo', timezone: 'Europe/Moscow', currency: 'RUB' });
    expect(data.users.map((u) => [u.id, u.isAdmin])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(data.leads).toHaveLength(60);
    expect(new Set(data.leads.map((l) => l.pipelineId)).size).toBe(2);
    for (const pipeline of data.pipelines) {
      expect(pipeline.statuses.filter((s) => s.type === 1)).toHaveLength(1);
      expect(pipeline.statuses.map((s) => s.id)).toEqual(expect.arrayContaining([142, 143]));
    }
  });

  it('has every kind of deal the reminder cares about', () => {
    const store = new Store({ now: NOW });
    const kinds = new Set(store.data.leads.map((l) => markerOf(l, NOW).kind));
    expect([...kinds].sort()).toEqual(['future', 'noTask', 'none', 'overdue', 'today']);
    const contactOnly = store.data.leads.filter(
      (l) =>
        !isClosedStatus(l.statusId) &&
        l.closestTaskAt === null &&
        l.contactId !== null &&
        store.tasksOf('contacts', l.contactId).some((t) => !t.isCompleted),
    );
    expect(contactOnly.length).toBeGreaterThan(0);
    expect(store.data.leads.some((l) => l.statusId === 142)).toBe(true);
    expect(store.data.leads.some((l) => l.statusId === 143)).toBe(true);
  });

  it('keeps closest_task_at equal to the earliest open task of each deal', () => {
    const store = new Store({ now: NOW });
    for (const lead of store.data.leads) {
      const open = store
        .tasksOf('leads', lead.id)
        .filter((t) => !t.isCompleted)
        .map((t) => t.completeTill);
      expect(lead.closestTaskAt).toBe(open.length ? Math.min(...open) : null);
    }
  });

  it('scales to 100 000 deals and 20 managers', () => {
    const store = new Store({ now: NOW, deals: 100_000, managers: 20 });
    expect(store.data.leads).toHaveLength(100_000);
    expect(store.data.users).toHaveLength(21);
    expect(store.leadsByUser.get(2)?.length).toBeGreaterThan(3000);
  });
});
