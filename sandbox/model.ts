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
