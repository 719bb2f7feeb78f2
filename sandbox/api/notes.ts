import {
  FIELD_MISSING,
  INVALID_TYPE,
  NOT_SUPPORTED,
  empty,
  json,
  validationErrors,
  type ValidationError,
} from '../http';
import type { Handler } from './context';

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** POST /api/v4/leads/notes: `[{entity_id, note_type: 'common', params: {text}}]`. */
export const createLeadNotes: Handler = (req, { store }) => {
  const items = Array.isArray(req.body) ? (req.body as unknown[]) : [];
  if (items.length === 0) return validationErrors([{ requestId: '0', errors: [INVALID_TYPE('', 'array')] }]);
  const failed: { requestId: string; errors: ValidationError[] }[] = [];
  items.forEach((item, i) => {
    const errors: ValidationError[] = [];
    if (!isDict(item)) errors.push(INVALID_TYPE('', 'array'));
    else {
      if (item.entity_id === undefined) errors.push(FIELD_MISSING('entity_id'));
      else if (typeof item.entity_id !== 'number') errors.push(INVALID_TYPE('entity_id', 'int'));
      else if (!store.leadById.has(item.entity_id)) errors.push(NOT_SUPPORTED('entity_id'));
      if (item.note_type === undefined) errors.push(FIELD_MISSING('note_type'));
      else if (!['common', 'service_message'].includes(String(item.note_type))) errors.push(NOT_SUPPORTED('note_type'));
      const params = item.params;
      if (!isDict(params) || typeof params.text !== 'string') errors.push(FIELD_MISSING('params.text'));
    }
    if (errors.length) failed.push({ requestId: String(i), errors });
  });
  if (failed.length) return validationErrors(failed);
  const notes = items.map((item, i) => {
    const dict = item as { entity_id: number; note_type: string; params: { text: string }; request_id?: unknown };
    const note = store.addNote(dict.entity_id, dict.note_type, dict.params.text, req.userId);
    return {
      id: note.id,
      entity_id: note.entityId,
      request_id: String(dict.request_id ?? i),
      _links: { self: { href: `${req.origin}/api/v4/leads/${note.entityId}/notes/${note.id}` } },
    };
  });
  return json(200, { _links: { self: { href: `${req.origin}/api/v4/leads/notes` } }, _embedded: { notes } });
};

/** GET /api/v4/leads/{id}/notes. */
export const listLeadNotes =
  (leadId: number): Handler =>
  (req, { store }) => {
    const notes = store.data.notes.filter((n) => n.entityId === leadId);
    if (notes.length === 0) return empty();
    return json(200, {
      _page: 1,
      _links: { self: { href: `${req.origin}/api/v4/leads/${leadId}/notes` } },
      _embedded: {
        notes: notes.map((n) => ({
          id: n.id,
          entity_id: n.entityId,
          created_by: n.createdBy,
          created_at: n.createdAt,
          note_type: n.noteType,
          params: { text: n.text },
        })),
      },
    });
  };
