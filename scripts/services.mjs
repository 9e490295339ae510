// The processes that make up Assistenza, with their default ports. npm start and the system
// tests read this one list.
export const SERVICES = [
  { name: 'agreement-service', prefix: 'AGREEMENT', port: 3011 },
  { name: 'service-order-service', prefix: 'SERVICE_ORDER', port: 3012 },
  { name: 'subscription-service', prefix: 'SUBSCRIPTION', port: 3013 },
  { name: 'billing-service', prefix: 'BILLING', port: 3014 },
  { name: 'reporting-service', prefix: 'REPORTING', port: 3015 },
];

export const GATEWAY = { name: 'gateway', port: 3000 };
