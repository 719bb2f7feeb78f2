import { empty, json, type ApiRequest } from '../http';
import type { Contact } from '../model';
import { numbers, pick } from '../query';
import type { Store } from '../store';
import type { Handler } from './context';
import { halPage } from './paging';

/** A contact as API v4 renders it (name, responsible user; the phone as amoCRM's PHONE custom field). */
const renderContact = (contact: Contact, req: ApiRequest, store: Store): Record<string, unknown> => ({
  id: contact.id,
  name: contact.name,
  responsible_user_id: contact.responsibleUserId,
  group_id: 0,
  custom_fields_values: [
    {
      field_id: 1,
      field_name: 'Телефон',
      field_code: 'PHONE',
      field_type: 'multitext',
      values: [{ value: contact.phone, enum_code: 'WORK' }],
    },
  ],
  account_id: store.data.account.id,
  _links: { self: { href: `${req.origin}/api/v4/contacts/${contact.id}` } },
});

/** GET /api/v4/contacts: `filter[id][]` and `filter[responsible_user_id]`; paging and 204 as for deals. */
export const listContacts: Handler = (req, { store, apiFilter }) => {
  const filter = apiFilter ? req.query.filter : undefined;
  const ids = numbers(pick(filter, 'id'));
  const users = new Set(numbers(pick(filter, 'responsible_user_id')));
  const candidates = ids.length ? ids.flatMap((id) => store.contactById.get(id) ?? []) : store.data.contacts;
  const result = candidates.filter((c) => users.size === 0 || users.has(c.responsibleUserId));
  return halPage(req, 'contacts', result, (c) => renderContact(c, req, store));
};

/** GET /api/v4/contacts/{id}. */
export const getContact =
  (id: number): Handler =>
  (req, { store }) => {
    const contact = store.contactById.get(id);
    return contact ? json(200, renderContact(contact, req, store)) : empty();
  };
