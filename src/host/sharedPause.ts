import { safely } from '../undo';
import { ApiError, type Api } from './api';

/**
 * A 429 or a 403 block pauses every tab of this browser on the account, not only the tab that got it: amoCRM
 * counts requests per account ("not more than 7 requests per second", `developers.kommo.com/docs/limitations`;
 * 403 "Аккаунт заблокирован" after repeated excess, GitHub `biradrags/amo-docs`
 * `amocrm_docs_md/crm_platform/error-codes.md`). The pause is written to localStorage, which every tab reads
 * before each call, so a tab that opens during a block does not knock on the door again.
 */
export interface Pause {
  until: number;
  kind: 'rate-limited' | 'blocked';
}

export interface PauseBoard {
  read(): Pause | undefined;
  write(pause: Pause): void;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export const pauseKey = (accountId: number): string => `task_guard:pause:${accountId}`;

const isPause = (value: unknown): value is Pause =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Pause).until === 'number' &&
  ((value as Pause).kind === 'rate-limited' || (value as Pause).kind === 'blocked');

/** The account's pause in localStorage (nothing is shared where storage is missing or refused). */
export const storagePauseBoard = (
  accountId: number,
  storage: StorageLike | undefined = safely(() => globalThis.localStorage, undefined),
): PauseBoard => {
  const key = pauseKey(accountId);
  return {
    read() {
      const value = safely(() => JSON.parse(storage?.getItem(key) ?? 'null') as unknown, null);
      return isPause(value) ? value : undefined;
    },
    write(pause) {
      const current = this.read();
      // A longer pause (a block) is never shortened by a later short one (a 429).
      if (current && current.until >= pause.until) return;
      safely(() => storage?.setItem(key, JSON.stringify(pause)), undefined);
    },
  };
};

/** `api` honouring and publishing the shared pause. */
export const withSharedPause = (api: Api, board: PauseBoard, now: () => number): Api => {
  const shared = (): Pause | undefined => {
    const pause = board.read();
    return pause && now() < pause.until ? pause : undefined;
  };
  const guard = async <T>(method: string, path: string, call: () => Promise<T>): Promise<T> => {
    const pause = shared();
    if (pause) throw new ApiError({ kind: pause.kind, until: pause.until }, method, path);
    try {
      return await call();
    } catch (error) {
      const failure = error instanceof ApiError ? error.failure : undefined;
      if (failure && (failure.kind === 'rate-limited' || failure.kind === 'blocked'))
        board.write({ until: failure.until, kind: failure.kind });
      throw error;
    }
  };
  return {
    get: (path, query) => guard('GET', path, () => api.get(path, query)),
    getAll: (path, query, key, onPage) => guard('GET', path, () => api.getAll(path, query, key, onPage)),
    post: (path, body) => guard('POST', path, () => api.post(path, body)),
    get sent() {
      return api.sent;
    },
    blockedUntil: () => Math.max(api.blockedUntil(), shared()?.until ?? 0),
  };
};
