import { Inject, Injectable } from '@nestjs/common';
import { ServiceOrderRequestedV1, type PayloadOf } from '@assistenza/contracts';
import { BusinessRuleViolation } from '@assistenza/platform/ddd';
import { OutboxWriter } from '@assistenza/platform/messaging';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { AgreementState } from '../../domain/agreement/agreement';
import type { AgreementLine } from '../../domain/agreement/agreement-line';
import { planServiceOrders } from '../../domain/generation/plan-service-orders';
import type { PlannedOrder, PlanRequest } from '../../domain/generation/planning.types';
import { closedDayPredicate } from '../../domain/generation/working-calendar';
import { trimDecimal } from '../events/agreement-events';
import { AGREEMENT_REPOSITORY, type AgreementRepository } from '../ports/agreement.repository';
import { GENERATION_STORE, type AgreementRange, type GenerationStore } from '../ports/generation.store';
import { serviceOrderIdFor } from './order-id';

export interface GenerationParams {
  from: string;
  to: string;
  transactionTypes: PlanRequest['transactionTypes'];
  continuous: boolean;
  calendarId: string | null;
  agreementId: string | null;
  customerAccount: string | null;
}

export interface ChunkResult {
  agreements: number;
  ordersRequested: number;
  linesPlanned: number;
}

type Payload = PayloadOf<typeof ServiceOrderRequestedV1>;

/** A planned order: its plan key (agreement, combine key, date) and what will be requested. */
interface PlannedRequest {
  key: string;
  payload: Payload;
}

/** Orders of one agreement, combine key and date, the first one included; more means something is wrong. */
const MAX_SEQUENCE = 100;

/**
 * Plans and requests the service orders of a slice of agreements (by id range) in one transaction: the
 * agreements are locked, already planned lines are skipped, the new orders (with their lines) are
 * recorded under a unique key in one statement and one `agreement.service-order.requested.v1` per
 * new order goes to the outbox in one `appendMany` (a COPY for a large slice).
 */
@Injectable()
export class GenerationEngine {
  constructor(
    @Inject(GENERATION_STORE) private readonly store: GenerationStore,
    @Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  generateChunk(company: string, p: GenerationParams, runId: string | null, range: AgreementRange): Promise<ChunkResult> {
    return this.uow.transaction(async () => {
      const headers = await this.store.lockAgreements(company, p, range);
      if (headers.length === 0) return { agreements: 0, ordersRequested: 0, linesPlanned: 0 };
      const ids = headers.map((h) => h.agreementId);
      // One connection per transaction: read one after another (pg does not pipeline concurrent queries).
      const lines = await this.agreements.lines(company, ids);
      const objects = await this.agreements.objectRelations(company, ids);
      const tasks = await this.agreements.taskRelations(company, ids);
      const planned = await this.store.plannedLines(company, ids);
      const intervals = await this.store.intervals(company);
      const windows = await this.store.timeWindows(company);
      const calendar = p.calendarId ? await this.store.calendar(company, p.calendarId) : null;
      if (p.calendarId && !calendar) throw new BusinessRuleViolation(`calendarId ${p.calendarId} does not exist`, 'calendarId');
      const isClosed = closedDayPredicate(calendar);
      const requests: PlannedRequest[] = [];
      for (const h of headers) {
        const plan = planServiceOrders(
          {
            agreementId: h.agreementId, startDate: h.startDate, endDate: h.endDate, suspended: h.suspended, isTemplate: h.templateGroupId !== null, combineBy: h.combineBy,
            lines: (lines.get(h.agreementId) ?? []).map((l) => ({
              ...l, interval: l.intervalId ? (intervals.get(l.intervalId) ?? null) : null, timeWindow: l.timeWindowId ? (windows.get(l.timeWindowId) ?? null) : null,
              details: { ...l, quantity: trimDecimal(l.quantity) },
            })),
          },
          // Nothing of this slice planned yet (as on a first run): no check, so no key built per occurrence.
          { ...p, isClosed, alreadyPlanned: planned.size === 0 ? undefined : (n, d) => planned.has(`${h.agreementId}|${n}|${d}`) },
        );
        for (const order of plan) requests.push({ key: order.key, payload: toPayload(h, order, runId, objects.get(h.agreementId) ?? [], tasks.get(h.agreementId) ?? []) });
      }
      const fresh = await this.recordWithSequence(company, runId, requests);
      await this.outbox.appendMany(ServiceOrderRequestedV1, fresh.map((payload) => ({ aggregateId: payload.agreementId, aggregateVersion: 0, payload })));
      await this.store.markHasOrders(company, [...new Set(fresh.map((o) => o.agreementId))]);
      const linesPlanned = fresh.reduce((n, o) => n + o.lines.length, 0);
      return { agreements: headers.length, ordersRequested: fresh.length, linesPlanned };
    });
  }

  /**
   * Records the planned orders under their deterministic ids and returns those that were new. An
   * order whose id is taken already (lines added to the agreement after the order of their
   * agreement, combine key and date was generated) is not lost: it takes the next generation
   * sequence, `key#2`, `key#3`..., so it becomes an order of its own, with an id that is the same
   * on every re-run (the agreement is locked, so the sequence cannot race).
   */
  private async recordWithSequence(company: string, runId: string | null, requests: PlannedRequest[]): Promise<Payload[]> {
    const recorded: Payload[] = [];
    let pending = requests;
    for (let sequence = 1; pending.length > 0; sequence++) {
      if (sequence > MAX_SEQUENCE) throw new Error(`more than ${MAX_SEQUENCE} orders for ${pending[0].key}`);
      for (const r of pending) r.payload.serviceOrderId = serviceOrderIdFor(company, sequence === 1 ? r.key : `${r.key}#${sequence}`);
      const fresh = await this.store.record(company, runId, pending.map(({ payload: o }) => ({
        orderId: o.serviceOrderId, agreementId: o.agreementId, serviceDate: o.serviceDate, lines: o.lines.map((l) => ({ lineNum: l.agreementLineNum, calculatedDate: l.dateCalculated })),
      })));
      for (const r of pending) if (fresh.has(r.payload.serviceOrderId)) recorded.push(r.payload);
      pending = pending.filter((r) => !fresh.has(r.payload.serviceOrderId));
    }
    return recorded;
  }
}

function toPayload(h: AgreementState, order: PlannedOrder<AgreementLine>, runId: string | null, objectRelations: Payload['objectRelations'], taskRelations: Payload['taskRelations']): Payload {
  return {
    serviceOrderId: '', // set by recordWithSequence
    agreementId: h.agreementId,
    projectId: h.projectId,
    customerAccount: h.customerAccount,
    description: h.description,
    serviceDate: order.serviceDate,
    calendarConflict: order.calendarConflict,
    combineBy: order.combineBy,
    combineValue: order.combineValue,
    responsible: h.responsible,
    preferredTechnician: h.preferredTechnician,
    contact: h.contact,
    generationRunId: runId,
    lines: order.lines.map((l) => ({
      agreementLineNum: l.lineNum, transactionType: l.transactionType, description: l.details.description, worker: l.worker, categoryId: l.details.categoryId,
      quantity: l.details.quantity, itemId: l.details.itemId, taskId: l.taskId, objectId: l.objectId,
      dateCalculated: l.calculatedDate, dateRangeFrom: l.dateRangeFrom, dateRangeTo: l.dateRangeTo,
      serviceTimeStartAfter: l.details.serviceTimeStartAfter, serviceTimeEndBefore: l.details.serviceTimeEndBefore,
    })),
    objectRelations,
    taskRelations,
  };
}
