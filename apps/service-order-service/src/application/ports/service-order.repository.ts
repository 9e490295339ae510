import type { PayloadOf, ServiceOrderRequestedV1 } from '@assistenza/contracts';

export const SERVICE_ORDER_REPOSITORY = Symbol('ServiceOrderRepository');

export type RequestedOrder = PayloadOf<typeof ServiceOrderRequestedV1>;

export interface ServiceOrderLineView {
  lineNum: number;
  status: string;
  agreementLineNum: number | null;
  transactionType: string;
  description: string;
  worker: string | null;
  categoryId: string;
  quantity: string;
  itemId: string | null;
  taskId: string | null;
  objectId: string | null;
  dateCalculated: string | null;
  dateRangeFrom: string | null;
  dateRangeTo: string | null;
  serviceTimeStartAfter: string | null;
  serviceTimeEndBefore: string | null;
}

export interface ServiceOrderView {
  company: string;
  serviceOrderId: string;
  orderNumber: string;
  description: string;
  agreementId: string | null;
  projectId: string;
  customerAccount: string;
  serviceDate: string | null;
  origin: string;
  progress: string;
  stageId: string | null;
  slaId: string | null;
  slaStatus: string;
  calendarConflict: boolean;
  responsible: string | null;
  preferredTechnician: string | null;
  version: number;
  lines?: ServiceOrderLineView[];
  objectRelations?: Array<{ objectId: string; reference: string | null }>;
  taskRelations?: Array<{ taskId: string; internalNote: string | null; externalNote: string | null }>;
}

export interface ServiceOrderRepository {
  /** Creates the order from a request unless it exists already; true when it was new. */
  createFromRequest(company: string, request: RequestedOrder): Promise<boolean>;
  find(company: string, serviceOrderId: string): Promise<ServiceOrderView | null>;
  list(company: string, filter: { agreementId: string | null; customerAccount: string | null }, limit: number, afterId: string | null): Promise<ServiceOrderView[]>;
}
