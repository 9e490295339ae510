/** Who may read and write billing master data (design.md §5 roles). */
export const MASTER_DATA_WRITERS = ['billing-clerk', 'integration', 'admin'] as const;
export const MASTER_DATA_READERS = ['billing-clerk', 'service-manager', 'dispatcher', 'technician', 'integration', 'admin'] as const;
/** Invoices and proposals: clerks prepare them, service managers approve and post them. */
export const INVOICING = ['billing-clerk', 'service-manager', 'admin'] as const;
