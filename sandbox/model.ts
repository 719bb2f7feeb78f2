/** The demo account's records, shaped like amoCRM API v4 entities (times in Unix seconds). */

export interface Account {
  id: number;
  name: string;
  subdomain: string;
  timezone: string;
  currency: string;
  currencySymbol: string;
  language: string;
  createdAt: number;
}

export interface User {
  id: number;
  name: string;
  email: string;
  isAdmin: boolean;
  isActive: boolean;
  groupId: number;
  lang: string;
}

export interface Status {
  id: number;
  name: string;
  sort: number;
  pipelineId: number;
  color: string;
  /** 1 = unsorted ("Неразобранное"), 0 = a normal stage (won 142 / lost 143 included). */
  type: 0 | 1;
}

export interface Pipeline {
  id: number;
  name: string;
  sort: number;
  isMain: boolean;
  statuses: Status[];
}

export interface TaskType {
  id: number;
  name: string;
  code: string | null;
  color: string | null;
  iconId: number | null;
}

export interface Lead {
  id: number;
  name: string;
  price: number;
  responsibleUserId: number;
  statusId: number;
  pipelineId: number;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  /** Kept true by the store: the earliest due time of the lead's open tasks, null when there is none. */
  closestTaskAt: number | null;
  contactId: number | null;
  createdBy: number;
  /** Who made the last change (the seed leaves it out: then it is the creator). */
  updatedBy?: number;
}

export interface Contact {
  id: number;
  name: string;
  responsibleUserId: number;
  phone: string;
}

export type EntityType = 'leads' | 'contacts' | 'companies' | 'customers';

export interface Task {
  id: number;
  text: string;
  taskTypeId: number;
  responsibleUserId: number;
  entityType: EntityType | null;
  entityId: number | null;
  completeTill: number;
  duration: number;
  isCompleted: boolean;
  resultText: string | null;
  createdAt: number;
  updatedAt: number;
  createdBy: number;
  /** Who made the last change (the seed leaves it out: then it is the creator). */
  updatedBy?: number;
}

export interface Note {
  id: number;
  entityId: number;
  noteType: string;
  text: string;
  createdAt: number;
  createdBy: number;
}

export const WON = 142;
export const LOST = 143;
export const isClosedStatus = (statusId: number): boolean => statusId === WON || statusId === LOST;

/**
 * The event types the sandbox writes, named as in GitHub `biradrags/amo-docs`
 * `amocrm_docs_md/crm_platform/events-and-notes.md` ("Типы событий").
 */
export type EventType =
  | 'lead_added'
  | 'lead_deleted'
  | 'lead_status_changed'
  | 'entity_responsible_changed'
  | 'task_added'
  | 'task_deleted'
  | 'task_completed'
  | 'task_deadline_changed'
  | 'task_text_changed'
  | 'task_type_changed';

/** The event's entity as `filter[entity]` names it (singular, unlike the tasks' `entity_type`). */
export type EventEntity = 'lead' | 'contact' | 'company' | 'customer' | 'task';

/** One change value of `value_before` / `value_after`, e.g. `{lead_status: {id, pipeline_id}}`. */
export type EventValue = Record<string, Record<string, number | string>>;

/** One record of the account's events list (`GET /api/v4/events`). */
export interface AmoEvent {
  /** An opaque string id, as amoCRM's (`01pz58t6p04ymgsgfbmfyfy1mf`). */
  id: string;
  /** Write order, to keep events of the same second in order. */
  seq: number;
  type: EventType;
  entityType: EventEntity;
  entityId: number;
  createdBy: number;
  createdAt: number;
  valueBefore: EventValue[];
  valueAfter: EventValue[];
}
