import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';
import { AgreementsController } from './api/agreements/agreements.controller';
import { GenerationRunsController } from './api/generation-runs/generation-runs.controller';
import { REFERENCE_CONTROLLERS } from './api/reference/reference.controllers';
import { AgreementCommands } from './application/commands/agreement-commands.service';
import { AgreementLineCommands } from './application/commands/agreement-lines.service';
import { ReplicateCustomerHandler } from './application/event-handlers/replicate-customer.handler';
import { ReplicateProjectHandler } from './application/event-handlers/replicate-project.handler';
import { GenerationEngine } from './application/generation/generation-engine';
import { GenerationRuns } from './application/generation/generation-runs.service';
import { AGREEMENT_REPOSITORY } from './application/ports/agreement.repository';
import { CUSTOMER_REPLICA } from './application/ports/customer-replica.repository';
import { GENERATION_RUNS } from './application/ports/generation-run.repository';
import { GENERATION_STORE } from './application/ports/generation.store';
import { PROJECT_REPLICA } from './application/ports/project-replica.repository';
import { REFERENCE_DATA } from './application/ports/reference-data.repository';
import { AgreementQueries } from './application/queries/agreement-queries.service';
import { ReferenceDataService } from './application/reference/reference-data.service';
import { CustomerReplica1733320000000 } from './infrastructure/migrations/1733320000000-customer-replica';
import { Agreements1733320100000 } from './infrastructure/migrations/1733320100000-agreements';
import { Generation1733320200000 } from './infrastructure/migrations/1733320200000-generation';
import { AgreementSqlRepository } from './infrastructure/persistence/agreement.sql-repository';
import { CustomerReplicaTypeormRepository } from './infrastructure/persistence/customer-replica.typeorm-repository';
import { GenerationRunSqlRepository } from './infrastructure/persistence/generation-run.sql-repository';
import { GenerationSqlStore } from './infrastructure/persistence/generation.sql-store';
import { ProjectReplicaSqlRepository } from './infrastructure/persistence/project-replica.sql-repository';
import { ReferenceDataSqlRepository } from './infrastructure/persistence/reference-data.sql-repository';

const MIGRATIONS = [CustomerReplica1733320000000, Agreements1733320100000, Generation1733320200000];

/** Composition root of the agreement service. */
@Module({})
export class AgreementModule {
  static forConfig(config: ServiceConfig): DynamicModule {
    return {
      module: AgreementModule,
      imports: [ServicePlatformModule.forService(config, { entities: [], migrations: MIGRATIONS })],
      controllers: [ReplicateCustomerHandler, ReplicateProjectHandler, AgreementsController, GenerationRunsController, ...REFERENCE_CONTROLLERS],
      providers: [
        { provide: CUSTOMER_REPLICA, useClass: CustomerReplicaTypeormRepository },
        { provide: PROJECT_REPLICA, useClass: ProjectReplicaSqlRepository },
        { provide: REFERENCE_DATA, useClass: ReferenceDataSqlRepository },
        { provide: AGREEMENT_REPOSITORY, useClass: AgreementSqlRepository },
        { provide: GENERATION_STORE, useClass: GenerationSqlStore },
        { provide: GENERATION_RUNS, useClass: GenerationRunSqlRepository },
        ReferenceDataService,
        AgreementCommands,
        AgreementLineCommands,
        AgreementQueries,
        GenerationEngine,
        GenerationRuns,
      ],
      exports: [CUSTOMER_REPLICA],
    };
  }
}
