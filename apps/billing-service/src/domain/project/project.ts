import { ValidationError } from '@assistenza/platform/ddd';
import type { Chargeability, TransactionType } from './transaction-type';

export const PROJECT_TYPES = ['time-and-material', 'fixed-price', 'internal', 'time'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export interface ProjectState {
  company: string;
  id: string;
  name: string;
  customerAccount: string;
  type: ProjectType;
  currency: string;
  taxGroup: string | null;
  chargeable: Chargeability;
  version: number;
}

export type ProjectChanges = Partial<Pick<ProjectState, 'name' | 'currency' | 'taxGroup'>> & { chargeable?: Partial<Chargeability> };

/** Chargeable line properties by project type when none are given (internal and time projects invoice nothing). */
function defaultChargeability(type: ProjectType): Chargeability {
  const invoiced = type === 'time-and-material' || type === 'fixed-price';
  return { hour: invoiced, expense: invoiced, item: invoiced, fee: invoiced };
}

/**
 * A project: the invoicing container that agreements, service orders and subscriptions belong to
 * (domain.md §4.1). Its line properties decide which posted transactions are chargeable.
 */
export class Project {
  private constructor(private state: ProjectState) {}

  static create(input: Omit<ProjectState, 'version' | 'chargeable'> & { chargeable?: Partial<Chargeability> }): Project {
    const project = new Project({ ...input, chargeable: { ...defaultChargeability(input.type), ...input.chargeable }, version: 1 });
    project.check();
    return project;
  }

  static restore(state: ProjectState): Project {
    return new Project({ ...state, chargeable: { ...state.chargeable } });
  }

  change(changes: ProjectChanges): void {
    const { chargeable, ...rest } = changes;
    this.state = { ...this.state, ...rest, chargeable: { ...this.state.chargeable, ...chargeable } };
    this.check();
  }

  markStored(version: number): void {
    this.state.version = version;
  }

  /** Internal and time projects never invoice, whatever the line property says. */
  isChargeable(type: TransactionType): boolean {
    if (this.state.type === 'internal' || this.state.type === 'time') return false;
    return this.state.chargeable[type];
  }

  get id(): string {
    return this.state.id;
  }

  get version(): number {
    return this.state.version;
  }

  snapshot(): Readonly<ProjectState> {
    return { ...this.state, chargeable: { ...this.state.chargeable } };
  }

  private check(): void {
    if (!/^[A-Z]{3}$/.test(this.state.currency)) throw new ValidationError('currency must be an ISO 4217 code such as USD', 'currency');
    if (this.state.name.trim() === '') throw new ValidationError('name must not be blank', 'name');
    if (!PROJECT_TYPES.includes(this.state.type)) throw new ValidationError(`type must be one of ${PROJECT_TYPES.join(', ')}`, 'type');
  }
}
