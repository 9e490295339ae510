import { Module, type DynamicModule } from '@nestjs/common';
import { envInt, type ServiceConfig } from '@assistenza/platform/config';
import { ServicePlatformModule } from '@assistenza/platform/http';
import { AgreementsController } from './api/agreements/agreements.controller';
import { GenerationRunsController } from './api/generation-runs/generation-runs.controller';
import { REFERENCE_CONTROLLERS } from './api/reference/reference.controllers';
import { AgreementCommands } from './application/commands/agreement-commands.service';
import { AgreementLineCommands } from './application/commands/agreement-lines.service';
import { CopyAgreementLines } from './application/commands/copy-lines/copy-agreement-lines.handler';
import { AgreementEvents } from './application/events/agreement-events';
import { ReplicateCustomerHandler } from './application/event-handlers/replicate-customer.handler';
import { ReplicateProjectHandler } from './application/event-handlers/replicate-project.handler';
import { GenerationEngine } from './application/generation/generation-engine';
import { GenerationRuns } from './application/generation/generation-runs.service';
import { GenerationScheduler } from './application/generation/generation-scheduler';
import { GENERATION_SCHEDULE, type GenerationSchedule } from './application/generation/schedule';
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
import { GenerationSchedule1733320300000 } from './infrastructure/migrations/1733320300000-generation-schedule';
import { GeneratedOrderLines1733320400000 } from './infrastructure/migrations/1733320400000-generated-order-lines';
import { AgreementSqlRepository } from './infrastructure/persistence/agreement.sql-repository';
import { CustomerReplicaTypeormRepository } from './infrastructure/persistence/customer-replica.typeorm-repository';
import { GenerationRunSqlRepository } from './infrastructure/persistence/generation-run.sql-repository';
import { GenerationSqlStore } from './infrastructure/persistence/generation.sql-store';
import { ProjectReplicaSqlRepository } from './infrastructure/persistence/project-replica.sql-repository';
import { ReferenceDataSqlRepository } from './infrastructure/persistence/reference-data.sql-repository';

const MIGRATIONS = [CustomerReplica1733320000000, Agreements1733320100000, Generation1733320200000, GenerationSchedule1733320300000, GeneratedOrderLines1733320400000];

/** Scheduled generation: off unless AGREEMENT_GENERATION_SCHEDULE_MINUTES is set; the period covered is AGREEMENT_GENERATION_HORIZON_DAYS (30). */
function scheduleFromEnv(): GenerationSchedule {
  const everyMinutes = envInt('AGREEMENT_GENERATION_SCHEDULE_MINUTES', 0);
  const horizonDays = envInt('AGREEMENT_GENERATION_HORIZON_DAYS', 30);
  if (everyMinutes < 0 || everyMinutes > 10_080) throw new Error('AGREEMENT_GENERATION_SCHEDULE_MINUTES must be 0 (off) to 10080 (a week)');
  if (horizonDays < 1 || horizonDays > 3_660) throw new Error('AGREEMENT_GENERATION_HORIZON_DAYS must be 1 to 3660');
  return { everyMinutes, horizonDays };
}

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
        AgreementEvents,
        CopyAgreementLines,
        AgreementQueries,
        GenerationEngine,
        GenerationRuns,
        GenerationScheduler,
        { provide: GENERATION_SCHEDULE, useFactory: scheduleFromEnv },
      ],
      exports: [CUSTOMER_REPLICA],
    };
  }
}
