import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';
import { ChangeInvoiceProposalHandler } from './application/commands/change-invoice-proposal/change-invoice-proposal.handler';
import { CreateCategoryHandler } from './application/commands/create-category/create-category.handler';
import { CreateCustomerHandler } from './application/commands/create-customer/create-customer.handler';
import { CreateInvoiceProposalHandler } from './application/commands/create-invoice-proposal/create-invoice-proposal.handler';
import { CreatePriceHandler } from './application/commands/create-price/create-price.handler';
import { CreateProjectHandler } from './application/commands/create-project/create-project.handler';
import { CreateTaxGroupHandler } from './application/commands/create-tax-group/create-tax-group.handler';
import { CreditInvoiceHandler } from './application/commands/credit-invoice/credit-invoice.handler';
import { DeletePriceHandler } from './application/commands/delete-price/delete-price.handler';
import { PostInvoiceProposalHandler } from './application/commands/post-invoice-proposal/post-invoice-proposal.handler';
import { RecordProjectTransactionsHandler } from './application/commands/record-project-transactions/record-project-transactions.handler';
import { UpdateCategoryHandler } from './application/commands/update-category/update-category.handler';
import { UpdateCustomerHandler } from './application/commands/update-customer/update-customer.handler';
import { UpdatePriceHandler } from './application/commands/update-price/update-price.handler';
import { UpdateProjectHandler } from './application/commands/update-project/update-project.handler';
import { UpdateTaxGroupHandler } from './application/commands/update-tax-group/update-tax-group.handler';
import { PostedLinesHandler } from './application/event-handlers/posted-lines.handler';
import { SalesCustomerUpsertedHandler } from './application/event-handlers/sales-customer-upserted.handler';
import { CUSTOMER_REPOSITORY } from './application/ports/customer.repository';
import { InvoiceProposalRepository, InvoiceRepository } from './application/ports/invoicing.repository';
import { CategoryRepository, PriceRepository, TaxGroupRepository } from './application/ports/master-data.repository';
import { ProjectTransactionRepository } from './application/ports/project-transaction.repository';
import { ProjectRepository } from './application/ports/project.repository';
import { GetCustomerHandler } from './application/queries/get-customer/get-customer.handler';
import { InvoicingQueries } from './application/queries/invoicing/invoicing.queries';
import { ListCustomersHandler } from './application/queries/list-customers/list-customers.handler';
import { MasterDataQueries } from './application/queries/master-data/master-data.queries';
import { ProjectQueries } from './application/queries/projects/project.queries';
import { CustomersController } from './api/customers/customers.controller';
import { InvoiceProposalsController } from './api/invoicing/invoice-proposals.controller';
import { InvoicesController } from './api/invoicing/invoices.controller';
import { CategoriesController, TaxGroupsController } from './api/master-data/master-data.controller';
import { PricesController } from './api/master-data/prices.controller';
import { ProjectsController } from './api/projects/projects.controller';
import { Customers1733310000000 } from './infrastructure/migrations/1733310000000-customers';
import { MasterData1733320000000 } from './infrastructure/migrations/1733320000000-master-data';
import { Invoicing1733330000000 } from './infrastructure/migrations/1733330000000-invoicing';
import { CategorySqlRepository } from './infrastructure/persistence/category.sql-repository';
import { CustomerSchema } from './infrastructure/persistence/customer.schema';
import { CustomerTypeormRepository } from './infrastructure/persistence/customer.typeorm-repository';
import { InvoiceProposalSqlRepository } from './infrastructure/persistence/invoice-proposal.sql-repository';
import { InvoiceSqlRepository } from './infrastructure/persistence/invoice.sql-repository';
import { PriceSqlRepository } from './infrastructure/persistence/price.sql-repository';
import { ProjectTransactionSqlRepository } from './infrastructure/persistence/project-transaction.sql-repository';
import { ProjectSqlRepository } from './infrastructure/persistence/project.sql-repository';
import { TaxGroupSqlRepository } from './infrastructure/persistence/tax-group.sql-repository';

const MIGRATIONS = [Customers1733310000000, MasterData1733320000000, Invoicing1733330000000];

/** Composition root of the billing service. */
@Module({})
export class BillingModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: BillingModule,
      imports: [ServicePlatformModule.forService(config, { entities: [CustomerSchema], migrations: MIGRATIONS })],
      controllers: [
        CustomersController,
        ProjectsController,
        CategoriesController,
        TaxGroupsController,
        PricesController,
        InvoiceProposalsController,
        InvoicesController,
        SalesCustomerUpsertedHandler,
        PostedLinesHandler,
      ],
      providers: [
        { provide: CUSTOMER_REPOSITORY, useClass: CustomerTypeormRepository },
        { provide: ProjectRepository, useClass: ProjectSqlRepository },
        { provide: CategoryRepository, useClass: CategorySqlRepository },
        { provide: TaxGroupRepository, useClass: TaxGroupSqlRepository },
        { provide: PriceRepository, useClass: PriceSqlRepository },
        { provide: ProjectTransactionRepository, useClass: ProjectTransactionSqlRepository },
        { provide: InvoiceProposalRepository, useClass: InvoiceProposalSqlRepository },
        { provide: InvoiceRepository, useClass: InvoiceSqlRepository },
        CreateCustomerHandler,
        UpdateCustomerHandler,
        GetCustomerHandler,
        ListCustomersHandler,
        CreateProjectHandler,
        UpdateProjectHandler,
        ProjectQueries,
        CreateCategoryHandler,
        UpdateCategoryHandler,
        CreateTaxGroupHandler,
        UpdateTaxGroupHandler,
        CreatePriceHandler,
        UpdatePriceHandler,
        DeletePriceHandler,
        MasterDataQueries,
        RecordProjectTransactionsHandler,
        CreateInvoiceProposalHandler,
        ChangeInvoiceProposalHandler,
        PostInvoiceProposalHandler,
        CreditInvoiceHandler,
        InvoicingQueries,
      ],
    };
  }
}
