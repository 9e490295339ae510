import { FeeTransactionsCreatedV1, ServiceOrderPostedV1 } from '@assistenza/contracts';
import { waitFor } from '@assistenza/testing';
import { envelopeOf, postedOrder, seededBilling } from '../test-fixtures';

/**
 * A posted line must name a category of the company for its own transaction type. If one line
 * does not, the whole event is a business error: retried up to the delivery limit, then
 * dead-lettered with the reason, and nothing of it is written.
 */
describe('posted lines checked against their categories, against the real PostgreSQL and RabbitMQ', () => {
  const billing = seededBilling();
  const { count, publish } = billing;
  const deadLetter = async () => {
    const [letter] = await waitFor(async () => ((await billing.broker.messageCount(`${billing.queue}.dlq`)) >= 1 ? billing.broker.drainDeadLetters(`${billing.queue}.dlq`) : null), { timeoutMs: 20_000, what: 'the DLQ' });
    return letter;
  };

  it('dead-letters a posted order with a line whose category is for another transaction type, naming the line, and writes none of its lines', async () => {
    const event = envelopeOf(ServiceOrderPostedV1, postedOrder('SO-MIX', 'PRJ-1', [{ quantity: '1', price: '10' }, { type: 'expense', category: 'REPAIR', quantity: '1', price: '5' }]));
    await publish(ServiceOrderPostedV1, event);
    const letter = await deadLetter();
    expect(letter.reason).toBe(
      'handler-failed after 3 deliveries: 1 posted line(s) do not fit their category: line SO-MIX-2 (expense) names category REPAIR, which is for hour transactions',
    );
    expect(JSON.parse(letter.body).eventId).toBe(event.eventId);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-MIX'`)).toBe(0);
  });

  it('dead-letters a posted order naming a category that does not exist, and takes the same event once the category has been created', async () => {
    const event = envelopeOf(ServiceOrderPostedV1, postedOrder('SO-NEWCAT', 'PRJ-1', [{ type: 'item', category: 'VALVES', quantity: '2', price: '19.90' }, { type: 'item', quantity: '1', price: '3' }]));
    await publish(ServiceOrderPostedV1, event);
    const letter = await deadLetter();
    expect(letter.reason).toMatch(/line SO-NEWCAT-1 names category VALVES, which does not exist in company DAT$/);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-NEWCAT'`)).toBe(0);
    // The failed delivery left no inbox row, so replaying the dead letter after fixing the master data is accepted.
    expect((await billing.http('POST', 'categories', { id: 'VALVES', name: 'Valves', transactionType: 'item' })).status).toBe(201);
    await publish(ServiceOrderPostedV1, JSON.parse(letter.body));
    await waitFor(async () => (await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-NEWCAT'`)) === 2, { what: 'the replayed lines' });
  });

  it('dead-letters subscription fees whose category is not a fee category, and writes none of them', async () => {
    const fees = { ...FeeTransactionsCreatedV1.example, subscriptionId: 'SUB-BADCAT', projectId: 'PRJ-1', customerAccount: 'C-1' };
    fees.lines = fees.lines.map((l, i) => ({ ...l, feeTransactionId: `FEE-BADCAT-${i}`, categoryId: i === 0 ? 'SUBFEE' : 'TRAVEL' }));
    await publish(FeeTransactionsCreatedV1, envelopeOf(FeeTransactionsCreatedV1, fees));
    const letter = await deadLetter();
    expect(letter.reason).toMatch(/line FEE-BADCAT-1 \(fee\) names category TRAVEL, which is for expense transactions$/);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SUB-BADCAT'`)).toBe(0);
  });

  it('records lines of every transaction type whose categories fit, in one posting', async () => {
    const lines = (['hour', 'expense', 'item', 'fee'] as const).map((type) => ({ type, quantity: '1', price: '1' }));
    await publish(ServiceOrderPostedV1, envelopeOf(ServiceOrderPostedV1, postedOrder('SO-FOUR', 'PRJ-1', lines)));
    await waitFor(async () => (await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-FOUR'`)) === 4, { what: 'four transactions' });
    expect(await billing.broker.messageCount(`${billing.queue}.dlq`)).toBe(0);
  });

  /** Runs `hold` in a transaction of its own connection, then `whileHeld`, and commits only after checking the latter waits. */
  async function inTransaction(hold: (q: (sql: string) => Promise<unknown>) => Promise<void>, whileHeld: () => Promise<void>) {
    const runner = billing.svc.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await hold((sql) => runner.query(sql));
      await whileHeld();
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }
  const category = (id: string) => billing.http('POST', 'categories', { id, name: id, transactionType: 'hour' });
  const settle = () => new Promise((r) => setTimeout(r, 400));

  it('makes a change of transaction type wait for a posting in flight that uses the category, then refuses it with 422', async () => {
    await category('RACE-A');
    let change: Promise<{ status: number }> | undefined;
    let answered = false;
    await inTransaction(
      async (q) => {
        // What a posting does: share-lock the category, then write its transaction.
        await q(`SELECT 1 FROM categories WHERE company = 'DAT' AND id = 'RACE-A' FOR SHARE`);
        await q(`INSERT INTO project_transactions (company, id, source_type, source_id, source_document, project_id, customer_account, transaction_type,
                   transaction_date, category_id, description, quantity, cost_price, sales_price, currency, chargeable)
                 VALUES ('DAT', gen_random_uuid(), 'service-order-line', 'SO-RACE-1', 'SO-RACE', 'PRJ-1', 'C-1', 'hour', '2024-12-05', 'RACE-A', 'x', 1, 0, 1, 'USD', true)`);
      },
      async () => {
        change = billing.http('PATCH', 'categories/RACE-A', { transactionType: 'expense' }, { 'if-match': '"1"' }).then((r) => ((answered = true), r));
        await settle();
        expect(answered).toBe(false);
      },
    );
    expect((await change)?.status).toBe(422);
  });

  it('makes a posting wait for a change of transaction type in flight, then checks its lines against the new type', async () => {
    await category('RACE-B');
    await inTransaction(
      async (q) => {
        await q(`SELECT 1 FROM categories WHERE company = 'DAT' AND id = 'RACE-B' FOR UPDATE`);
        await q(`UPDATE categories SET transaction_type = 'expense', version = version + 1 WHERE company = 'DAT' AND id = 'RACE-B'`);
      },
      async () => {
        await publish(ServiceOrderPostedV1, envelopeOf(ServiceOrderPostedV1, postedOrder('SO-RACE-B', 'PRJ-1', [{ category: 'RACE-B', quantity: '1', price: '1' }])));
        await settle();
        expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-RACE-B'`)).toBe(0);
      },
    );
    expect((await deadLetter()).reason).toMatch(/line SO-RACE-B-1 \(hour\) names category RACE-B, which is for expense transactions$/);
    expect(await count(`SELECT 1 FROM project_transactions WHERE source_document = 'SO-RACE-B'`)).toBe(0);
  });
});
