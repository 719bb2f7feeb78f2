import { createRandom, type Random } from './random';
import {
  LOST,
  WON,
  type Account,
  type Contact,
  type Lead,
  type Note,
  type Pipeline,
  type Task,
  type TaskType,
  type User,
} from './model';

export interface SeedOptions {
  deals?: number;
  managers?: number;
  /** "Now" in Unix seconds; fixed in tests so the seed is reproducible. */
  now?: number;
  seed?: number;
}

export interface SeedData {
  account: Account;
  users: User[];
  pipelines: Pipeline[];
  taskTypes: TaskType[];
  leads: Lead[];
  contacts: Contact[];
  tasks: Task[];
  notes: Note[];
}

const DAY = 86_400;

const FIRST = ['Иван', 'Алексей', 'Дмитрий', 'Сергей', 'Андрей', 'Павел', 'Никита', 'Михаил', 'Артём', 'Егор'];
const FIRST_F = ['Мария', 'Екатерина', 'Анна', 'Ольга', 'Наталья', 'Ирина', 'Светлана', 'Юлия', 'Дарья', 'Елена'];
const LAST = ['Петров', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Новиков', 'Морозов', 'Волков', 'Фёдоров', 'Зайцев'];
const COMPANIES = [
  'ООО «Вектор»',
  'АО «СеверСталь-Сервис»',
  'ООО «Ромашка»',
  'ИП Гончаров',
  'ООО «ТехноПарк»',
  'ООО «Альфа Логистик»',
  'ЗАО «Балтика Трейд»',
  'ООО «СтройМастер»',
  'ООО «Горизонт»',
  'АО «Уральские Системы»',
  'ООО «Медиа Плюс»',
  'ООО «ЭкоФерма»',
  'ООО «Сибирский Лес»',
  'ГК «Монолит»',
  'ООО «ФармаЛайн»',
  'ООО «Кофейня на Невском»',
  'ООО «АвтоДом»',
  'ИП Белова',
  'ООО «Электрон»',
  'ООО «Волга-Агро»',
];
const PRODUCTS = [
  'Поставка офисной мебели',
  'Годовой контракт на обслуживание',
  'Внедрение CRM',
  'Аренда спецтехники',
  'Оптовая поставка кофе',
  'Разработка сайта',
  'Монтаж видеонаблюдения',
  'Поставка серверов',
  'Обучение персонала',
  'Логистика Москва — Казань',
  'Закупка спецодежды',
  'Ремонт офиса',
  'Поставка стройматериалов',
  'Аудит бухгалтерии',
  'Лицензии 1С',
  'Корпоративный тур',
  'Печать каталогов',
  'Поставка медоборудования',
];
const TASK_TEXTS = [
  'Перезвонить клиенту',
  'Отправить коммерческое предложение',
  'Уточнить бюджет',
  'Согласовать договор',
  'Назначить встречу',
  'Выставить счёт',
  'Узнать решение',
  'Отправить презентацию',
];

const account = (now: number): Account => ({
  id: 31_000_001,
  name: 'Demo',
  subdomain: 'demo',
  timezone: 'Europe/Moscow',
  currency: 'RUB',
  currencySymbol: '₽',
  language: 'ru',
  createdAt: now - 400 * DAY,
});

/**
 * The built-in call (1) and meeting (2), which every account has, and the demo account's own types. Only the
 * own ones reach `APP.constant('task_types')` (see page.ts); the API accepts all of them as `task_type_id`.
 */
const taskTypes: TaskType[] = [
  { id: 1, name: 'Связаться', code: 'FOLLOW_UP', color: null, iconId: null },
  { id: 2, name: 'Встреча', code: 'MEETING', color: null, iconId: null },
  { id: 3, name: 'Письмо', code: null, color: '#c8e6ff', iconId: 3 },
  { id: 4, name: 'Отправить КП', code: null, color: '#ffc8c8', iconId: 5 },
];

/** Built-in task types (call, meeting): not "own" types, so never in `APP.constant('task_types')`. */
export const BUILT_IN_TASK_TYPES: readonly number[] = [1, 2];

const pipelines: Pipeline[] = [
  {
    id: 7_000_001,
    name: 'Основная воронка',
    sort: 1,
    isMain: true,
    statuses: [
      { id: 70_000_011, name: 'Неразобранное', sort: 10, pipelineId: 7_000_001, color: '#c1c1c1', type: 1 },
      { id: 70_000_012, name: 'Первичный контакт', sort: 20, pipelineId: 7_000_001, color: '#99ccff', type: 0 },
      { id: 70_000_013, name: 'Переговоры', sort: 30, pipelineId: 7_000_001, color: '#ffff99', type: 0 },
      { id: 70_000_014, name: 'Принимают решение', sort: 40, pipelineId: 7_000_001, color: '#ffcc66', type: 0 },
      { id: 70_000_015, name: 'Согласование договора', sort: 50, pipelineId: 7_000_001, color: '#ff8f92', type: 0 },
      { id: WON, name: 'Успешно реализовано', sort: 10_000, pipelineId: 7_000_001, color: '#ccff66', type: 0 },
      { id: LOST, name: 'Закрыто и не реализовано', sort: 11_000, pipelineId: 7_000_001, color: '#d5d8db', type: 0 },
    ],
  },
  {
    id: 7_000_002,
    name: 'Повторные продажи',
    sort: 2,
    isMain: false,
    statuses: [
      { id: 70_000_021, name: 'Неразобранное', sort: 10, pipelineId: 7_000_002, color: '#c1c1c1', type: 1 },
      { id: 70_000_022, name: 'Новый запрос', sort: 20, pipelineId: 7_000_002, color: '#98cbff', type: 0 },
      { id: 70_000_023, name: 'Подготовка КП', sort: 30, pipelineId: 7_000_002, color: '#fffd7f', type: 0 },
      { id: 70_000_024, name: 'Счёт выставлен', sort: 40, pipelineId: 7_000_002, color: '#deff81', type: 0 },
      { id: WON, name: 'Успешно реализовано', sort: 10_000, pipelineId: 7_000_002, color: '#ccff66', type: 0 },
      { id: LOST, name: 'Закрыто и не реализовано', sort: 11_000, pipelineId: 7_000_002, color: '#d5d8db', type: 0 },
    ],
  },
];

const users = (managers: number, random: Random): User[] => {
  const list: User[] = [
    {
      id: 1,
      name: 'Ольга Смирнова',
      email: 'admin@demo.example',
      isAdmin: true,
      isActive: true,
      groupId: 0,
      lang: 'ru',
    },
  ];
  for (let i = 0; i < managers; i += 1) {
    const female = i % 2 === 1;
    const first = female ? random.pick(FIRST_F) : random.pick(FIRST);
    const last = random.pick(LAST) + (female ? 'а' : '');
    const id = i + 2;
    list.push({
      id,
      name: `${first} ${last}`,
      email: `manager${id}@demo.example`,
      isAdmin: false,
      isActive: true,
      groupId: 0,
      lang: 'ru',
    });
  }
  return list;
};

/**
 * What a deal looks like, cycled by index so even a small account has every case: a future task, an overdue one,
 * one due today, none at all, a task only on the linked contact, and a few closed deals.
 */
type Shape = 'future' | 'overdue' | 'today' | 'none' | 'contactOnly' | 'won' | 'lost';
const SHAPES: readonly Shape[] = [
  'future',
  'none',
  'overdue',
  'future',
  'contactOnly',
  'future',
  'none',
  'today',
  'future',
  'overdue',
  'won',
  'future',
  'none',
  'future',
  'overdue',
  'lost',
  'future',
  'contactOnly',
  'none',
  'future',
];

/** Builds the demo account: deterministic for a given seed, `now`, deal count and manager count. */
export const seed = (options: SeedOptions = {}): SeedData => {
  const deals = options.deals ?? 60;
  const managerCount = options.managers ?? 4;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const random = createRandom(options.seed ?? 20_261_126);
  const people = users(managerCount, random);
  const owners = people.filter((u) => !u.isAdmin).map((u) => u.id);
  if (owners.length === 0) owners.push(1);

  const leads: Lead[] = [];
  const contacts: Contact[] = [];
  const tasks: Task[] = [];
  let taskId = 50_000_001;

  const addTask = (lead: Lead, entityType: 'leads' | 'contacts', entityId: number, due: number, done: boolean) => {
    const created = Math.min(due, now) - random.int(1, 10) * DAY;
    tasks.push({
      id: taskId++,
      text: random.pick(TASK_TEXTS),
      taskTypeId: random.int(1, 3),
      responsibleUserId: lead.responsibleUserId,
      entityType,
      entityId,
      completeTill: due,
      duration: 0,
      isCompleted: done,
      resultText: done ? 'Выполнено' : null,
      createdAt: created,
      updatedAt: done ? created + DAY : created,
      createdBy: lead.responsibleUserId,
    });
  };

  const startOfDay = now - (now % DAY);
  // "Today" is the account's day (Moscow, UTC+3): the board's green marker must see it as today.
  const endOfMoscowDay = now - ((now + 3 * 3600) % DAY) + DAY - 60;
  for (let i = 0; i < deals; i += 1) {
    const shape = SHAPES[i % SHAPES.length] ?? 'future';
    const pipeline = i % 3 === 2 ? pipelines[1] : pipelines[0];
    if (!pipeline) throw new Error('no pipeline');
    const open = pipeline.statuses.filter((s) => s.id !== WON && s.id !== LOST);
    // One deal in eight is the admin's own; the rest spread over the managers.
    // Rotating the owner against the shape cycle gives every manager a mix of every kind of deal.
    const owner = i % 8 === 7 ? 1 : (owners[(i + Math.floor(i / owners.length)) % owners.length] ?? 1);
    const createdAt = now - random.int(2, 120) * DAY - random.int(0, DAY);
    const statusId = shape === 'won' ? WON : shape === 'lost' ? LOST : random.pick(open).id;
    const contactId = 20_000_001 + i;
    const female = random.next() < 0.5;
    contacts.push({
      id: contactId,
      name: `${female ? random.pick(FIRST_F) : random.pick(FIRST)} ${random.pick(LAST)}${female ? 'а' : ''}`,
      responsibleUserId: owner,
      phone: `+7 9${random.int(10, 99)} ${random.int(100, 999)}-${random.int(10, 99)}-${random.int(10, 99)}`,
    });
    const lead: Lead = {
      id: 10_000_001 + i,
      name: `${random.pick(PRODUCTS)} — ${random.pick(COMPANIES)}`,
      price: random.int(3, 900) * 1000,
      responsibleUserId: owner,
      statusId,
      pipelineId: pipeline.id,
      createdAt,
      updatedAt: createdAt + random.int(0, DAY),
      closedAt: shape === 'won' || shape === 'lost' ? now - random.int(1, 30) * DAY : null,
      closestTaskAt: null,
      contactId,
      createdBy: owner,
    };
    leads.push(lead);
    const hour = 3600;
    if (shape === 'future')
      addTask(lead, 'leads', lead.id, startOfDay + random.int(1, 14) * DAY + random.int(7, 15) * hour, false);
    if (shape === 'overdue')
      addTask(lead, 'leads', lead.id, startOfDay - random.int(1, 10) * DAY + random.int(7, 15) * hour, false);
    if (shape === 'today') addTask(lead, 'leads', lead.id, Math.min(endOfMoscowDay, now + 2 * 3600), false);
    if (shape === 'contactOnly')
      addTask(lead, 'contacts', contactId, startOfDay + random.int(1, 5) * DAY + 10 * hour, false);
    // History: a completed task on every other deal.
    if (i % 2 === 0) addTask(lead, 'leads', lead.id, createdAt + DAY, true);
  }

  return { account: account(now), users: people, pipelines, taskTypes, leads, contacts, tasks, notes: [] };
};
