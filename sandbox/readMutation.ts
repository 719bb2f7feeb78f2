import { MUTATION_OPS, MutationError, type Mutation } from './mutation';

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

const optionalInt = (body: Record<string, unknown>, name: string): number | undefined => {
  const value = body[name];
  if (value === undefined) return undefined;
  if (!isInt(value)) throw new MutationError(`${name}: an integer`);
  return value;
};

const requiredInt = (body: Record<string, unknown>, name: string): number => {
  const value = optionalInt(body, name);
  if (value === undefined) throw new MutationError(`${name} is required`);
  return value;
};

/** Reads one mutation from a request body; throws MutationError with what is wrong. */
export const readMutation = (body: unknown): Mutation => {
  if (!isDict(body)) throw new MutationError('a JSON object {op, ...}');
  const by = optionalInt(body, 'by');
  const op = body.op;
  switch (op) {
    case 'createTask':
      return {
        op,
        leadId: requiredInt(body, 'leadId'),
        responsibleUserId: optionalInt(body, 'responsibleUserId'),
        completeTill: optionalInt(body, 'completeTill'),
        taskTypeId: optionalInt(body, 'taskTypeId'),
        text: typeof body.text === 'string' ? body.text : undefined,
        by,
      };
    case 'completeTask':
    case 'deleteTask':
      return { op, taskId: requiredInt(body, 'taskId'), by };
    case 'moveTaskDeadline':
      return { op, taskId: requiredInt(body, 'taskId'), completeTill: requiredInt(body, 'completeTill'), by };
    case 'createDeal':
      return {
        op,
        responsibleUserId: requiredInt(body, 'responsibleUserId'),
        pipelineId: optionalInt(body, 'pipelineId'),
        statusId: optionalInt(body, 'statusId'),
        price: optionalInt(body, 'price'),
        name: typeof body.name === 'string' ? body.name : undefined,
        by,
      };
    case 'moveDeal':
      return {
        op,
        leadId: requiredInt(body, 'leadId'),
        statusId: requiredInt(body, 'statusId'),
        pipelineId: optionalInt(body, 'pipelineId'),
        by,
      };
    case 'closeDeal': {
      const outcome = body.outcome ?? (body.won === false ? 'lost' : 'won');
      if (outcome !== 'won' && outcome !== 'lost') throw new MutationError("outcome: 'won' or 'lost'");
      return { op, leadId: requiredInt(body, 'leadId'), outcome, by };
    }
    case 'deleteDeal':
      return { op, leadId: requiredInt(body, 'leadId'), by };
    case 'changeResponsible':
      return {
        op,
        leadId: requiredInt(body, 'leadId'),
        responsibleUserId: requiredInt(body, 'responsibleUserId'),
        by,
      };
    default:
      throw new MutationError(`op: one of ${MUTATION_OPS.join(', ')}`);
  }
};
