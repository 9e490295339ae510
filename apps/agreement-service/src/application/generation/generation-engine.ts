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
import { AGREEMENT_REPOSITORY, type AgreementRepository } from '../ports/agreement.repository';
import { GENERATION_STORE, type GenerationStore } from '../ports/generation.store';
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
  lastAgreementId: string | null;
  ordersRequested: number;
  linesPlanned: number;
}

type Payload = PayloadOf<typeof ServiceOrderRequestedV1>;

/**
 * Plans and requests the service orders of a slice of agreements in one transaction: the
 * agreements are locked, already planned lines are skipped, the new order keys are recorded under
 * unique constraints and one `agreement.service-order.requested.v1` per new order goes to the outbox.
 */
@Injectable()
export class GenerationEngine {
  constructor(
    @Inject(GENERATION_STORE) private readonly store: GenerationStore,
    @Inject(AGREEMENT_REPOSITORY) private readonly agreements: AgreementRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  generateChunk(company: string, p: GenerationParams, runId: string | null, afterId: string | null, limit: number): Promise<ChunkResult> {
    return this.uow.transaction(async () => {
      const headers = await this.store.lockAgreements(company, p, afterId, limit);
      if (headers.length === 0) return { agreements: 0, lastAgreementId: null, ordersRequested: 0, linesPlanned: 0 };
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
      const payloads: Payload[] = [];
      for (const h of headers) {
        const plan = planServiceOrders(
          {
            agreementId: h.agreementId, startDate: h.startDate, endDate: h.endDate, suspended: h.suspended, isTemplate: h.templateGroupId !== null, combineBy: h.combineBy,
            lines: (lines.get(h.agreementId) ?? []).map((l) => ({
              ...l, interval: l.intervalId ? (intervals.get(l.intervalId) ?? null) : null, timeWindow: l.timeWindowId ? (windows.get(l.timeWindowId) ?? null) : null, details: l,
            })),
          },
          { ...p, isClosed, alreadyPlanned: (n, d) => planned.has(`${h.agreementId}|${n}|${d}`) },
        );
        for (const order of plan) payloads.push(toPayload(company, h, order, runId, objects.get(h.agreementId) ?? [], tasks.get(h.agreementId) ?? []));
      }
      const fresh = await this.store.record(company, runId, payloads.map((o) => ({
        orderId: o.serviceOrderId, agreementId: o.agreementId, serviceDate: o.serviceDate, lines: o.lines.map((l) => ({ lineNum: l.agreementLineNum, calculatedDate: l.dateCalculated })),
      })));
      let linesPlanned = 0;
      for (const payload of payloads) {
        if (!fresh.has(payload.serviceOrderId)) continue;
        linesPlanned += payload.lines.length;
        await this.outbox.append(ServiceOrderRequestedV1, { aggregateId: payload.agreementId, aggregateVersion: 0, payload });
      }
      await this.store.markHasOrders(company, [...new Set(payloads.filter((o) => fresh.has(o.serviceOrderId)).map((o) => o.agreementId))]);
      return { agreements: headers.length, lastAgreementId: ids[ids.length - 1], ordersRequested: fresh.size, linesPlanned };
    });
  }
}

function toPayload(company: string, h: AgreementState, order: PlannedOrder<AgreementLine>, runId: string | null, objectRelations: Payload['objectRelations'], taskRelations: Payload['taskRelations']): Payload {
  return {
    serviceOrderId: serviceOrderIdFor(company, order.key),
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
      quantity: l.details.quantity.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), itemId: l.details.itemId, taskId: l.taskId, objectId: l.objectId,
      dateCalculated: l.calculatedDate, dateRangeFrom: l.dateRangeFrom, dateRangeTo: l.dateRangeTo,
      serviceTimeStartAfter: l.details.serviceTimeStartAfter, serviceTimeEndBefore: l.details.serviceTimeEndBefore,
    })),
    objectRelations,
    taskRelations,
  };
}
