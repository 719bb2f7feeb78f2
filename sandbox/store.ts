import { createClock, type Clock } from './clock';
import { seed, type SeedData, type SeedOptions } from './seed';
import type { Contact, EntityType, Lead, Note, Task } from './model';

/** Fields a new task may carry once validated. */
export interface NewTask {
  text: string;
  completeTill: number;
  taskTypeId: number;
  responsibleUserId: number;
  entityType: EntityType | null;
  entityId: number | null;
  duration: number;
}

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
  private nextTaskId = 0;
  private nextNoteId = 0;

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
    return task;
  }

  updateTask(
    task: Task,
    patch: Partial<
      Pick<Task, 'isCompleted' | 'text' | 'completeTill' | 'resultText' | 'responsibleUserId' | 'taskTypeId'>
    >,
  ): Task {
    Object.assign(task, patch, { updatedAt: this.now });
    this.touchEntity(task);
    return task;
  }

  private touchEntity(task: Task): void {
    if (task.entityType === 'leads' && task.entityId !== null) this.refreshClosest(task.entityId);
  }

  addNote(entityId: number, noteType: string, text: string, userId: number): Note {
    const note: Note = { id: this.nextNoteId++, entityId, noteType, text, createdAt: this.now, createdBy: userId };
    this.data.notes.push(note);
    return note;
  }

  updateLead(
    lead: Lead,
    patch: Partial<Pick<Lead, 'statusId' | 'pipelineId' | 'responsibleUserId' | 'name' | 'price'>>,
  ): void {
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
    Object.assign(lead, patch, { updatedAt: this.now });
  }
}
