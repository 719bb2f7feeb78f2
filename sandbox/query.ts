/** A query value the way PHP (and so amoCRM) reads `a[b][0]=x&a[c][]=y`: strings, lists and nested maps. */
export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue };
export type Query = Record<string, QueryValue>;

const keyPath = (raw: string): string[] => {
  const open = raw.indexOf('[');
  if (open <= 0) return [raw];
  const parts = [raw.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  for (let m = re.exec(raw.slice(open)); m; m = re.exec(raw.slice(open))) parts.push(m[1] ?? '');
  return parts;
};

type Node = { [key: string]: QueryValue };

/** Parses a search string (with or without `?`) into nested values; `[]` appends, other brackets nest. */
export const parseQuery = (search: string): Query => {
  const out: Node = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const path = keyPath(name);
    let node: Node | QueryValue[] = out;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const key = part === '' && Array.isArray(node) ? String(node.length) : part;
      const container = node as Node;
      if (last) {
        if (Array.isArray(node)) node.push(value);
        else container[key] = value;
        return;
      }
      const nextIsList = path[i + 1] === '';
      let next: QueryValue | undefined = Array.isArray(node) ? undefined : container[key];
      if (typeof next !== 'object') {
        next = nextIsList ? [] : {};
        if (Array.isArray(node)) node.push(next);
        else container[key] = next;
      }
      node = next;
    });
  }
  return out;
};

/** Reads a nested query value by path, e.g. `pick(q, 'filter', 'updated_at', 'from')`. */
export const pick = (query: Query | QueryValue | undefined, ...path: string[]): QueryValue | undefined => {
  let cur: QueryValue | undefined = query as QueryValue | undefined;
  for (const key of path) {
    if (cur === undefined || typeof cur === 'string') return undefined;
    cur = Array.isArray(cur) ? cur[Number(key)] : cur[key];
  }
  return cur;
};

/** Every leaf string of a value (a scalar, a list or a map of scalars), as numbers; non-numbers dropped. */
export const numbers = (value: QueryValue | undefined): number[] => {
  if (value === undefined) return [];
  const leaves =
    typeof value === 'string'
      ? value.split(',')
      : Object.values(value).flatMap((v) => (typeof v === 'string' ? [v] : []));
  return leaves
    .filter((v) => v.trim() !== '')
    .map(Number)
    .filter(Number.isFinite);
};

/** A single number, or undefined when absent or not numeric. */
export const numberOf = (value: QueryValue | undefined): number | undefined => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** Every leaf string of a value (a scalar, possibly comma-separated, a list or a map), trimmed, empty ones dropped. */
export const strings = (value: QueryValue | undefined): string[] => {
  if (value === undefined) return [];
  const leaves =
    typeof value === 'string'
      ? value.split(',')
      : Object.values(value).flatMap((v) => (typeof v === 'string' ? v.split(',') : []));
  return leaves.map((v) => v.trim()).filter((v) => v !== '');
};
