export const TRANSACTION_TYPES = ['hour', 'expense', 'item', 'fee'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** The line property per transaction type: whether its project transactions are invoiced. */
export type Chargeability = Record<TransactionType, boolean>;
