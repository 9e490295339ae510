import type { Project } from '../../domain/project/project';

/** Projects of one company; every call is scoped by company. */
export abstract class ProjectRepository {
  /** Stores a new project; a duplicate id is a ConflictError. */
  abstract insert(project: Project): Promise<void>;
  /** Stores changes if the project is still at `expectedVersion`; returns the new version. */
  abstract update(project: Project, expectedVersion: number): Promise<number>;
  abstract find(company: string, id: string): Promise<Project | null>;
  abstract list(company: string, limit: number, afterId: string | null, customerAccount: string | null): Promise<Project[]>;
}
