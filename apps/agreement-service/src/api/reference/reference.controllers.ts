import { REFERENCE_KINDS as K } from '../../application/reference/reference-kinds';
import { referenceController } from './reference-controller.factory';
import * as D from './reference.dto';

/** The REST resources of the setup data (domain.md §1.2). */
export const REFERENCE_CONTROLLERS = [
  referenceController(K.agreementGroups, 'Agreement groups', D.CreateAgreementGroupRequest, D.UpdateAgreementGroupRequest),
  referenceController(K.serviceIntervals, 'Service intervals', D.CreateServiceIntervalRequest, D.UpdateServiceIntervalRequest),
  referenceController(K.timeWindows, 'Time windows', D.CreateTimeWindowRequest, D.UpdateTimeWindowRequest),
  referenceController(K.serviceTasks, 'Service tasks', D.CreateServiceTaskRequest, D.UpdateServiceTaskRequest),
  referenceController(K.serviceObjectGroups, 'Service object groups', D.CreateServiceObjectGroupRequest, D.UpdateServiceObjectGroupRequest),
  referenceController(K.serviceObjects, 'Service objects', D.CreateServiceObjectRequest, D.UpdateServiceObjectRequest),
  referenceController(K.templateGroups, 'Template groups', D.CreateTemplateGroupRequest, D.UpdateTemplateGroupRequest),
  referenceController(K.serviceLevelAgreements, 'Service level agreements', D.CreateServiceLevelAgreementRequest, D.UpdateServiceLevelAgreementRequest),
  referenceController(K.calendars, 'Calendars', D.CreateCalendarRequest, D.UpdateCalendarRequest),
];
