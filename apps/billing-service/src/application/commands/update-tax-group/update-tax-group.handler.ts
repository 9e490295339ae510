import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@assistenza/platform/ddd';
import { requestContext } from '@assistenza/platform/observability';
import { UnitOfWork } from '@assistenza/platform/persistence';
import type { TaxGroup } from '../../../domain/tax-group/tax-group';
import { TaxGroupRepository } from '../../ports/master-data.repository';

export interface UpdateTaxGroupCommand {
  id: string;
  expectedVersion: number;
  changes: { name?: string; rate?: string };
}

/** A new rate applies to proposals created from now on; posted invoices keep the rate they were posted with. */
@Injectable()
export class UpdateTaxGroupHandler {
  constructor(
    @Inject(TaxGroupRepository) private readonly taxGroups: TaxGroupRepository,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
  ) {}

  async execute(command: UpdateTaxGroupCommand): Promise<TaxGroup> {
    const { company } = requestContext.require();
    return this.uow.transaction(async () => {
      const group = await this.taxGroups.find(company, command.id);
      if (!group) throw new NotFoundError('Tax group', command.id);
      if (command.changes.name !== undefined) group.rename(command.changes.name);
      if (command.changes.rate !== undefined) group.changeRate(command.changes.rate);
      group.markStored(await this.taxGroups.update(group, command.expectedVersion));
      return group;
    });
  }
}
