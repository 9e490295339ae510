import { BusinessRuleViolation, ValidationError } from '@assistenza/platform/ddd';
import { COMBINE_MODES, type CombineMode } from '../generation/planning.types';
import { assertPeriod } from '../shared/business-date';

export interface AgreementState {
  company: string;
  agreementId: string;
  description: string;
  projectId: string;
  /** From the project (replica); never chosen directly. */
  customerAccount: string;
  groupId: string;
  startDate: string;
  endDate: string | null;
  suspended: boolean;
  combineBy: CombineMode;
  slaId: string | null;
  /** Set ⇒ the agreement is a template (R-TP-1). */
  templateGroupId: string | null;
  responsible: string | null;
  preferredTechnician: string | null;
  contact: string | null;
  /** Whether any service order was ever generated from it. */
  hasOrders: boolean;
  version: number;
}

export type AgreementChanges = Partial<
  Pick<AgreementState, 'description' | 'groupId' | 'startDate' | 'endDate' | 'combineBy' | 'slaId' | 'templateGroupId' | 'responsible' | 'preferredTechnician' | 'contact'>
>;

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$/;

/** A service agreement (SMAAgreementTable): the rules of domain.md §2.1-2.2. */
export class Agreement {
  private constructor(private state: AgreementState) {}

  static create(input: Omit<AgreementState, 'version' | 'hasOrders' | 'suspended'> & { suspended?: boolean }): Agreement {
    if (!ID.test(input.agreementId)) throw new ValidationError('agreementId must be 1-20 letters, digits, dots, dashes or underscores', 'agreementId');
    const agreement = new Agreement({ ...input, suspended: input.suspended ?? false, hasOrders: false, version: 1 });
    agreement.check();
    return agreement;
  }

  static restore(state: AgreementState): Agreement {
    return new Agreement({ ...state });
  }

  change(changes: AgreementChanges): void {
    if (changes.templateGroupId && !this.state.templateGroupId && this.state.hasOrders) {
      throw new BusinessRuleViolation('An agreement with service orders cannot become a template', 'templateGroupId');
    }
    this.state = { ...this.state, ...changes };
    this.check();
  }

  suspend(): void {
    this.state.suspended = true;
  }

  release(): void {
    this.state.suspended = false;
  }

  /** R-AG-2: lines are not added to, nor copied into, a suspended agreement. */
  assertMayChangeLines(): void {
    if (this.state.suspended) throw new BusinessRuleViolation(`Agreement ${this.state.agreementId} is suspended; release it before changing its lines`, 'agreementId');
  }

  markHasOrders(): void {
    this.state.hasOrders = true;
  }

  markStored(version: number): void {
    this.state.version = version;
  }

  get id(): string {
    return this.state.agreementId;
  }

  get version(): number {
    return this.state.version;
  }

  get isTemplate(): boolean {
    return this.state.templateGroupId !== null;
  }

  snapshot(): Readonly<AgreementState> {
    return { ...this.state };
  }

  private check(): void {
    const s = this.state;
    if (s.description.trim() === '') throw new ValidationError('description must not be blank', 'description');
    if (!COMBINE_MODES.includes(s.combineBy)) throw new ValidationError(`combineBy must be one of ${COMBINE_MODES.join(', ')}`, 'combineBy');
    assertPeriod(s.startDate, s.endDate, 'startDate', 'endDate');
  }
}
