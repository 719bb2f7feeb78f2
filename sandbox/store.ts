import { createClock, type Clock } from './clock';
import { seed, type SeedData, type SeedOptions } from './seed';
import {
  LOST,
  WON,
  isClosedStatus,
  type AmoEvent,
  type Contact,
  type EntityType,
  type EventEntity,
  type EventType,
  type EventValue,
  type Lead,
  type Note,
  type Task,
} from './model';
import { leadChangeEvents, taskChangeEvents } from './changeEvents';
import type { LeadPatch, NewLead, NewTask, TaskPatch } from './storeInputs';

export type { LeadPatch, NewLead, NewTask, TaskPatch } from './storeInputs';

/** amoCRM's event ids are opaque 26-character strings; ours keep the write order readable. */
const eventId = (seq: number): string => `01sandbox${seq.toString(36).padStart(17, '0')}`;

const entityKey = (type: string, id: number): string => `${type}:${id}`;

/**
 * The in-memory demo account with the indexes a 100k-deal account needs (by id, by responsible user, tasks by
 * entity), and `closest_task_at` kept true on every task change.
 */
export class Store {
  data!: SeedData;
  readonly leadById = new Map<number, Lead>();
  readonly leadsByUser = new Map<number, Lead[]>();
  readonly contactById = new Map<number, Contact>();
  readonly taskById = new Map<number, Task>();
  readonly tasksByEntity = new Map<string, Task[]>();
  /**
   * The widget's saved settings by field code, kept across page loads like the real account. A custom field is
   * kept DECODED (an object), as amoCRM's server does with the JSON it is given (GitHub `biradrags/amo-docs`
   * `amocrm_docs_md/integrations/custom_settings.md`).
   */
  widgetSettings: Record<string, unknown> = {};
  widgetActive = true;
  /**
   * The account's events list: every change the sandbox makes (the card's composer, the tasks page, the API,
   * `/_sandbox/mutate`) writes one, oldest first.
   */
  readonly events: AmoEvent[] = [];
  readonly eventById = new Map<string, AmoEvent>();
  private nextTaskId = 0;
  private nextNoteId = 0;
  private nextLeadId = 0;
  private nextEventSeq = 1;

  constructor(
    private readonly options: SeedOptions = {},
    /** The sandbox's time (`--at`, the top bar's clock); the machine's by default. */
    readonly clock: Clock = createClock(),
  ) {
    this.reset();
  }

  /** The saved custom field `config` as a JSON string ('' when nothing is saved), for tests and presets. */
  get widgetConfig(): string {
    const value = this.widgetSettings.config;
    return value === undefined ? '' : JSON.stringify(value);
  }

  /** Presets the custom field from a JSON string, decoded as the server would; '' forgets it. */
  set widgetConfig(json: string) {
    if (json === '') delete this.widgetSettings.config;
    else this.widgetSettings.config = JSON.parse(json) as unknown;
  }

  /** Re-seeds everything, widget settings included; the account's "now" is the sandbox clock's. */
  reset(options: SeedOptions = this.options): void {
    this.data = seed({ ...options, now: options.now ?? this.now });
    this.leadById.clear();
    this.leadsByUser.clear();
    this.contactById.clear();
    this.taskById.clear();
    this.tasksByEntity.clear();
    this.widgetSettings = {};
    this.widgetActive = true;
    this.events.length = 0;
    this.eventById.clear();
    this.nextEventSeq = 1;
    for (const lead of this.data.leads) {
      this.leadById.set(lead.id, lead);
      const list = this.leadsByUser.get(lead.responsibleUserId) ?? [];
      list.push(lead);
      this.leadsByUser.set(lead.responsibleUserId, list);
    }
    for (const contact of this.data.contacts) this.contactById.set(contact.id, contact);
    for (const task of this.data.tasks) this.indexTask(task);
    for (const lead of this.data.leads) this.refreshClosest(lead.id);
    this.nextTaskId = Math.max(50_000_000, ...this.data.tasks.slice(-1).map((t) => t.id)) + 1;
    this.nextNoteId = 60_000_001;
    this.nextLeadId = Math.max(10_000_000, ...this.data.leads.slice(-1).map((l) => l.id)) + 1;
  }

  /** Appends one event; `by` is the user who made the change (0 for a robot, as amoCRM writes it). */
  private emit(
    type: EventType,
    entityType: EventEntity,
    entityId: number,
    by: number,
    valueBefore: EventValue[] = [],
    valueAfter: EventValue[] = [],
  ): AmoEvent {
    const seq = this.nextEventSeq++;
    const event: AmoEvent = {
      id: eventId(seq),
      seq,
      type,
      entityType,
      entityId,
      createdBy: by,
      createdAt: this.now,
      valueBefore,
      valueAfter,
    };
    this.events.push(event);
    this.eventById.set(event.id, event);
    return event;
  }

  get now(): number {
    return Math.floor(this.clock.now() / 1000);
  }

  private indexTask(task: Task): void {
    this.taskById.set(task.id, task);
    if (task.entityType && task.entityId !== null) {
      const key = entityKey(task.entityType, task.entityId);
      const list = this.tasksByEntity.get(key) ?? [];
      list.push(task);
      this.tasksByEntity.set(key, list);
    }
  }

  tasksOf(type: EntityType, id: number): Task[] {
    return this.tasksByEntity.get(entityKey(type, id)) ?? [];
  }

  /** closest_task_at = the earliest due time among the lead's open tasks; null when it has none. */
  refreshClosest(leadId: number): void {
    const lead = this.leadById.get(leadId);
    if (!lead) return;
    let closest: number | null = null;
    for (const task of this.tasksOf('leads', leadId)) {
      if (!task.isCompleted && (closest === null || task.completeTill < closest)) closest = task.completeTill;
    }
    lead.closestTaskAt = closest;
  }

  entityExists(type: EntityType, id: number): boolean {
    if (type === 'leads') return this.leadById.has(id);
    if (type === 'contacts') return this.contactById.has(id);
    return false;
  }

  addTask(input: NewTask, userId: number): Task {
    const now = this.now;
    const task: Task = {
      id: this.nextTaskId++,
      ...input,
      isCompleted: false,
      resultText: null,
      createdAt: now,
      updatedAt: now,
      createdBy: userId,
    };
    this.data.tasks.push(task);
    this.indexTask(task);
    this.touchEntity(task);
    // events-and-notes.md, "Структуры данных": task_added carries empty value_before / value_after.
    this.emit('task_added', 'task', task.id, userId);
    return task;
  }

  /**
   * Changes a task and writes one event per documented change (completed, deadline, text, type, responsible).
   * `by` defaults to the task's responsible user: the host's own pages do not say who clicked.
   */
  updateTask(task: Task, patch: TaskPatch, by: number = task.responsibleUserId): Task {
    const before = { ...task };
    Object.assign(task, patch, { updatedAt: this.now, updatedBy: by });
    this.touchEntity(task);
    for (const e of taskChangeEvents(before, task)) this.emit(e.type, 'task', task.id, by, e.valueBefore, e.valueAfter);
    return task;
  }

  /** Deletes a task (amoCRM's API v4 has no such call; the host's own pages and `/_sandbox/mutate` do it). */
  deleteTask(task: Task, by: number = task.responsibleUserId): void {
    if (!this.taskById.delete(task.id)) return;
    this.data.tasks.splice(this.data.tasks.indexOf(task), 1);
    if (task.entityType && task.entityId !== null) {
      const key = entityKey(task.entityType, task.entityId);
      this.tasksByEntity.set(
        key,
        (this.tasksByEntity.get(key) ?? []).filter((t) => t !== task),
      );
    }
    this.touchEntity(task);
    this.emit('task_deleted', 'task', task.id, by);
  }

  private touchEntity(task: Task): void {
    if (task.entityType === 'leads' && task.entityId !== null) this.refreshClosest(task.entityId);
  }

  addNote(entityId: number, noteType: string, text: string, userId: number): Note {
    const note: Note = { id: this.nextNoteId++, entityId, noteType, text, createdAt: this.now, createdBy: userId };
    this.data.notes.push(note);
    return note;
  }

  /**
   * Creates a deal; `lead_added` carries the id of the note the deal's feed gets (events-and-notes.md: "lead_added
   * ... value_after[0][note][id]").
   */
  addLead(input: NewLead, by: number): Lead {
    const now = this.now;
    const lead: Lead = {
      id: this.nextLeadId++,
      ...input,
      createdAt: now,
      updatedAt: now,
      closedAt: isClosedStatus(input.statusId) ? now : null,
      closestTaskAt: null,
      createdBy: by,
      updatedBy: by,
    };
    this.data.leads.push(lead);
    this.leadById.set(lead.id, lead);
    const list = this.leadsByUser.get(lead.responsibleUserId) ?? [];
    list.push(lead);
    this.leadsByUser.set(lead.responsibleUserId, list);
    const note = this.addNote(lead.id, 'lead_created', `Сделка создана: ${lead.name}`, by);
    this.emit('lead_added', 'lead', lead.id, by, [], [{ note: { id: note.id } }]);
    return lead;
  }

  /**
   * Deletes a deal: it leaves every list, and its own tasks go with it (without events of their own, which is
   * our reading; the docs do not say).
   */
  deleteLead(lead: Lead, by: number = lead.responsibleUserId): void {
    if (!this.leadById.delete(lead.id)) return;
    this.data.leads.splice(this.data.leads.indexOf(lead), 1);
    this.leadsByUser.set(
      lead.responsibleUserId,
      (this.leadsByUser.get(lead.responsibleUserId) ?? []).filter((l) => l !== lead),
    );
    for (const task of this.tasksOf('leads', lead.id)) {
      this.taskById.delete(task.id);
      this.data.tasks.splice(this.data.tasks.indexOf(task), 1);
    }
    this.tasksByEntity.delete(entityKey('leads', lead.id));
    this.emit('lead_deleted', 'lead', lead.id, by);
  }

  /**
   * Changes a deal, keeps `closed_at` true (set on won/lost, cleared on reopening) and writes
   * `lead_status_changed` / `entity_responsible_changed` with the documented value shapes. `by` defaults to the
   * deal's responsible user: the host's own pages do not say who moved it.
   */
  updateLead(lead: Lead, patch: LeadPatch, by: number = lead.responsibleUserId): void {
    const before = { ...lead };
    if (patch.responsibleUserId !== undefined && patch.responsibleUserId !== lead.responsibleUserId) {
      const from = this.leadsByUser.get(lead.responsibleUserId) ?? [];
      this.leadsByUser.set(
        lead.responsibleUserId,
        from.filter((l) => l !== lead),
      );
      const to = this.leadsByUser.get(patch.responsibleUserId) ?? [];
      to.push(lead);
      to.sort((a, b) => a.id - b.id);
      this.leadsByUser.set(patch.responsibleUserId, to);
    }
    const now = this.now;
    Object.assign(lead, patch, { updatedAt: now, updatedBy: by });
    if (before.statusId !== lead.statusId || before.pipelineId !== lead.pipelineId) {
      if (isClosedStatus(lead.statusId)) lead.closedAt = isClosedStatus(before.statusId) ? before.closedAt : now;
      else lead.closedAt = null;
    }
    for (const e of leadChangeEvents(before, lead)) this.emit(e.type, 'lead', lead.id, by, e.valueBefore, e.valueAfter);
  }

  /** Closes a deal as won (142) or lost (143) in its own pipeline. */
  closeLead(lead: Lead, won: boolean, by?: number): void {
    this.updateLead(lead, { statusId: won ? WON : LOST }, by);
  }
}
