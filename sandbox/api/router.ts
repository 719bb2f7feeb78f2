import { problem, type ApiRequest, type ApiResponse } from '../http';
import { getAccount, getPipelines, getUsers } from './account';
import type { ApiContext, Handler } from './context';
import { getContact, listContacts } from './contacts';
import { getEvent, listEvents } from './events';
import { getLead, listLeads } from './leads';
import { createLeadNotes, listLeadNotes } from './notes';
import { createTasks, getTask, listTasks, patchTask, patchTasks } from './tasks';

type Route = [method: string, pattern: RegExp, make: (id: number) => Handler];

const fixed = (handler: Handler) => () => handler;

const ROUTES: readonly Route[] = [
  ['GET', /^\/api\/v4\/account$/, fixed(getAccount)],
  ['GET', /^\/api\/v4\/users$/, fixed(getUsers)],
  ['GET', /^\/api\/v4\/leads\/pipelines$/, fixed(getPipelines)],
  ['GET', /^\/api\/v4\/leads$/, fixed(listLeads)],
  ['POST', /^\/api\/v4\/leads\/notes$/, fixed(createLeadNotes)],
  ['GET', /^\/api\/v4\/leads\/(\d+)\/notes$/, listLeadNotes],
  ['GET', /^\/api\/v4\/leads\/(\d+)$/, getLead],
  ['GET', /^\/api\/v4\/contacts$/, fixed(listContacts)],
  ['GET', /^\/api\/v4\/contacts\/(\d+)$/, getContact],
  ['GET', /^\/api\/v4\/tasks$/, fixed(listTasks)],
  ['POST', /^\/api\/v4\/tasks$/, fixed(createTasks)],
  ['PATCH', /^\/api\/v4\/tasks$/, fixed(patchTasks)],
  ['GET', /^\/api\/v4\/tasks\/(\d+)$/, getTask],
  ['GET', /^\/api\/v4\/events$/, fixed(listEvents)],
  // Event ids are strings (`01pz58t6p04ymgsgfbmfyfy1mf`): the handler reads the id from the path.
  ['GET', /^\/api\/v4\/events\/([0-9a-z]+)$/, fixed(getEvent)],
  ['PATCH', /^\/api\/v4\/tasks\/(\d+)$/, patchTask],
];

/** The API v4 emulator as a pure function: request in, response out (404 / 405 problems for the rest). */
export const handleApi = (req: ApiRequest, ctx: ApiContext): ApiResponse => {
  const path = req.path.replace(/\/+$/, '');
  let pathKnown = false;
  for (const [method, pattern, make] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (method !== req.method) continue;
    return make(Number(match[1] ?? 0))(req, ctx);
  }
  if (pathKnown) return problem(405, 'Method Not Allowed', 'Method Not Allowed');
  return problem(404, 'Not Found', `Cannot ${req.method} ${req.path}`);
};
