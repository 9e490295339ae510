import { Inject, Injectable } from '@nestjs/common';
import { assertCustomerMayAccess, customerScope } from '@assistenza/platform/auth';
import { NotFoundError } from '@assistenza/platform/ddd';
import { decodeCursor, toPage, type Page } from '@assistenza/platform/http';
import { requestContext } from '@assistenza/platform/observability';
import type { Project } from '../../../domain/project/project';
import { ProjectRepository } from '../../ports/project.repository';

/** Reads of projects; a customer-portal caller sees only its own. */
@Injectable()
export class ProjectQueries {
  constructor(@Inject(ProjectRepository) private readonly projects: ProjectRepository) {}

  async get(id: string): Promise<Project> {
    const project = await this.projects.find(requestContext.require().company, id);
    if (!project) throw new NotFoundError('Project', id);
    assertCustomerMayAccess('Project', id, project.snapshot().customerAccount);
    return project;
  }

  async list(limit: number, cursor?: string): Promise<Page<Project>> {
    const after = decodeCursor(cursor);
    const rows = await this.projects.list(requestContext.require().company, limit + 1, after ? String(after[0]) : null, customerScope());
    return toPage(rows, limit, (p) => [p.id]);
  }
}
