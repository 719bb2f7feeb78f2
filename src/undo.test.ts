import { describe, expect, it } from 'vitest';
import { once, safely, undoAll, type Undo } from './undo';

describe('safely', () => {
  it('returns the value, or the fallback when the function throws', () => {
    expect(safely(() => 2, 0)).toBe(2);
    expect(
      safely(() => {
        throw new Error('host method broke');
      }, 'fallback'),
    ).toBe('fallback');
  });
});

describe('undoAll', () => {
  it('runs every undo, last first, even when one throws, and empties the list', () => {
    const ran: string[] = [];
    const list: Undo[] = [
      () => ran.push('style'),
      () => {
        throw new Error('broken undo');
      },
      () => ran.push('dialog'),
    ];
    undoAll(list);
    expect(ran).toEqual(['dialog', 'style']);
    expect(list).toEqual([]);
  });
});

describe('once', () => {
  it('runs the function on the first call only', () => {
    let calls = 0;
    const undo = once(() => {
      calls += 1;
    });
    undo();
    undo();
    expect(calls).toBe(1);
  });
});
