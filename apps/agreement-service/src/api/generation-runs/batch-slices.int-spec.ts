import { waitFor } from '@assistenza/testing';
import { AgreementTestKit } from '../test-kit';

describe('a batch run over many agreements, in slices worked on side by side', () => {
  let kit: AgreementTestKit;
  // Every 10th suspended: 621 that generate, three slices of 200 (outbox by COPY) and a short one of 21 (by INSERT), more slices than workers.
  const AGREEMENTS = 689;
  // Free text with what COPY's text format and JSON must escape: backslash, quote, tab, newline, and non-ASCII.
  const DESCRIPTION = 'Contract \\ "quoted"\tcolumn\nline ü€ ';
  const CORRELATION = 'batch\\run\t1';

  beforeAll(async () => {
    kit = await AgreementTestKit.start();
    await kit.reference([
      ['/agreement-groups', { code: 'STD', description: 'Standard' }],
      ['/service-intervals', { code: 'M1', description: 'Monthly', unit: 'month', frequency: 1 }],
    ]);
    // Set up in bulk, straight in the agreement database: one monthly line each; every 10th agreement suspended.
    await kit.svc.db.query(
      `INSERT INTO service_agreements (company, agreement_id, description, project_id, customer_account, group_id, start_date, suspended, combine_by, version)
       SELECT 'DAT', 'BA-' || lpad(i::text, 4, '0'), $2 || i, 'PRJ-1', 'C-BATCH', 'STD', '2012-01-01', i % 10 = 0, 'agreement', 1 FROM generate_series(1, $1) AS i`,
      [AGREEMENTS, DESCRIPTION],
    );
    await kit.svc.db.query(
      `INSERT INTO agreement_lines (company, agreement_id, line_num, transaction_type, description, category_id, quantity, interval_id, start_date)
       SELECT 'DAT', 'BA-' || lpad(i::text, 4, '0'), 1, 'hour', 'Monthly check', 'SERVICE', 1, 'M1', '2012-01-01' FROM generate_series(1, $1) AS i`,
      [AGREEMENTS],
    );
  });

  afterAll(() => kit.close());

  async function run() {
    const started = await kit.http('POST', '/generation-runs', { from: '2012-01-01', to: '2012-03-31', customerAccount: 'C-BATCH' }, { 'x-correlation-id': CORRELATION });
    expect(started.status).toBe(202);
    return waitFor(async () => {
      const r = (await kit.http('GET', `/generation-runs/${started.body.runId}`)).body;
      return r.status === 'completed' || r.status === 'failed' ? r : null;
    }, { what: 'the batch run' });
  }

  it('plans every agreement that may generate exactly once, skips the suspended ones, and a second run plans nothing', async () => {
    const active = AGREEMENTS - Math.floor(AGREEMENTS / 10);
    expect(await run()).toMatchObject({ status: 'completed', agreementsTotal: active, agreementsDone: active, ordersRequested: active * 3, linesPlanned: active * 3 });
    const [orders] = await kit.svc.db.query(`SELECT count(*)::int AS n, count(DISTINCT agreement_id)::int AS agreements FROM generated_orders`);
    expect(orders).toEqual({ n: active * 3, agreements: active });
    const [events] = await kit.svc.db.query(`SELECT count(*)::int AS n FROM outbox WHERE routing_key = 'agreement.service-order.requested.v1'`);
    expect(events.n).toBe(active * 3);
    // Large slices reach the outbox by COPY, the short one by INSERT: every row must hold its event intact.
    const [intact] = await kit.svc.db.query(
      `SELECT count(*)::int AS n FROM outbox o JOIN service_agreements a ON a.agreement_id = o.aggregate_id
        WHERE o.routing_key = 'agreement.service-order.requested.v1' AND o.correlation_id = $1 AND (o.body::jsonb ->> 'eventId')::uuid = o.event_id
          AND o.body::jsonb ->> 'correlationId' = $1 AND o.body::jsonb -> 'payload' ->> 'description' = a.description AND starts_with(a.description, $2)`,
      [CORRELATION, DESCRIPTION],
    );
    expect(intact.n).toBe(active * 3);
    const flagged = await kit.svc.db.query(`SELECT suspended, has_orders, count(*)::int AS n FROM service_agreements GROUP BY 1, 2 ORDER BY 1`);
    expect(flagged).toEqual([
      { suspended: false, has_orders: true, n: active },
      { suspended: true, has_orders: false, n: AGREEMENTS - active },
    ]);

    expect(await run()).toMatchObject({ status: 'completed', agreementsDone: active, ordersRequested: 0 });
  });
});
