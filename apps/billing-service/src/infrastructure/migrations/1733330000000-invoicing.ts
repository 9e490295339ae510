import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Project transactions, invoice proposals, invoices with credit notes, and the invoice number counter. */
export class Invoicing1733330000000 implements MigrationInterface {
  name = 'Invoicing1733330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_transactions (
        company          text NOT NULL,
        id               uuid NOT NULL,
        source_type      text NOT NULL CHECK (source_type IN ('service-order-line', 'subscription-fee')),
        source_id        text NOT NULL,
        source_document  text NOT NULL,
        project_id       text NOT NULL,
        customer_account text NOT NULL,
        transaction_type text NOT NULL,
        transaction_date date NOT NULL,
        category_id      text NOT NULL,
        worker           text,
        item_id          text,
        description      text NOT NULL,
        quantity         numeric(18,6) NOT NULL,
        cost_price       numeric(18,6) NOT NULL,
        sales_price      numeric(18,6) NOT NULL,
        currency         char(3) NOT NULL,
        chargeable       boolean NOT NULL,
        proposal_id      uuid,
        invoice_id       uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, id),
        -- Exactly one transaction per source line, whatever the redeliveries or republishing.
        UNIQUE (company, source_type, source_id),
        FOREIGN KEY (company, project_id) REFERENCES projects (company, id)
      )`);
    await q.query(`CREATE INDEX project_transactions_uninvoiced ON project_transactions (company, project_id, transaction_date)
      WHERE chargeable AND invoice_id IS NULL AND proposal_id IS NULL`);
    await q.query(`
      CREATE TABLE invoice_proposals (
        company          text NOT NULL,
        id               uuid NOT NULL,
        customer_account text NOT NULL,
        project_id       text,
        selection        jsonb NOT NULL,
        currency         char(3) NOT NULL,
        status           text NOT NULL CHECK (status IN ('open', 'posted')),
        invoice_id       uuid,
        version          integer NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, id)
      )`);
    await q.query(`
      CREATE TABLE invoice_proposal_lines (
        company        text NOT NULL,
        proposal_id    uuid NOT NULL,
        line_no        integer NOT NULL,
        transaction_id uuid NOT NULL,
        included       boolean NOT NULL DEFAULT true,
        tax_group      text,
        tax_rate       numeric(9,4) NOT NULL,
        PRIMARY KEY (company, proposal_id, line_no),
        FOREIGN KEY (company, proposal_id) REFERENCES invoice_proposals (company, id) ON DELETE CASCADE,
        FOREIGN KEY (company, transaction_id) REFERENCES project_transactions (company, id)
      )`);
    await q.query(`
      CREATE TABLE invoice_numbers (
        company text PRIMARY KEY,
        next    bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE invoices (
        company             text NOT NULL,
        id                  uuid NOT NULL,
        number              text NOT NULL,
        kind                text NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
        credited_invoice_id uuid,
        proposal_id         uuid,
        customer_account    text NOT NULL,
        project_id          text,
        invoice_date        date NOT NULL,
        due_date            date NOT NULL,
        currency            char(3) NOT NULL,
        total_net           numeric(18,2) NOT NULL,
        total_tax           numeric(18,2) NOT NULL,
        total_gross         numeric(18,2) NOT NULL,
        version             integer NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company, id),
        UNIQUE (company, number)
      )`);
    await q.query('CREATE INDEX invoices_by_customer ON invoices (company, customer_account, number)');
    await q.query(`
      CREATE TABLE invoice_lines (
        company          text NOT NULL,
        invoice_id       uuid NOT NULL,
        line_no          integer NOT NULL,
        transaction_id   uuid NOT NULL,
        source_type      text NOT NULL,
        source_id        text NOT NULL,
        source_document  text NOT NULL,
        project_id       text NOT NULL,
        transaction_type text NOT NULL,
        category_id      text NOT NULL,
        description      text NOT NULL,
        quantity         numeric(18,6) NOT NULL,
        unit_price       numeric(18,6) NOT NULL,
        net_amount       numeric(18,2) NOT NULL,
        tax_group        text,
        tax_rate         numeric(9,4) NOT NULL,
        tax_amount       numeric(18,2) NOT NULL,
        -- On an invoice line: how much of it credit notes have taken back so far.
        credited_quantity numeric(18,6) NOT NULL DEFAULT 0,
        credited_net      numeric(18,2) NOT NULL DEFAULT 0,
        credited_tax      numeric(18,2) NOT NULL DEFAULT 0,
        PRIMARY KEY (company, invoice_id, line_no),
        FOREIGN KEY (company, invoice_id) REFERENCES invoices (company, id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['invoice_lines', 'invoices', 'invoice_numbers', 'invoice_proposal_lines', 'invoice_proposals', 'project_transactions']) await q.query(`DROP TABLE ${t}`);
  }
}
