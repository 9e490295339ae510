import { Inject, Injectable } from '@nestjs/common';
import { requestContext } from '@assistenza/platform/observability';
import { TaxGroup } from '../../../domain/tax-group/tax-group';
import { TaxGroupRepository } from '../../ports/master-data.repository';

export interface CreateTaxGroupCommand {
  id: string;
  name: string;
  rate: string;
}

@Injectable()
export class CreateTaxGroupHandler {
  constructor(@Inject(TaxGroupRepository) private readonly taxGroups: TaxGroupRepository) {}

  async execute(command: CreateTaxGroupCommand): Promise<TaxGroup> {
    const group = TaxGroup.create({ ...command, company: requestContext.require().company });
    await this.taxGroups.insert(group);
    return group;
  }
}
