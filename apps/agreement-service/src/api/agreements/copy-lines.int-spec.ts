import { waitFor } from '@assistenza/testing';
import { AgreementTestKit } from '../test-kit';

describe('copying agreement lines and template lines (domain.md §2.1-2.2, F28-F30)', () => {
  let kit: AgreementTestKit;
  const lines = async (id: string) => (await kit.http('GET', `/service-agreements/${id}`)).body.lines as Array<{ lineNum: number; description: string; stopped: boolean; objectId: string | null }>;
  const copy = async (id: string, body: object, action = 'copy-lines') => kit.http('POST', `/service-agreements/${id}/${action}`, body, { 'if-match': await kit.etag(id) });

  beforeAll(async () => {
    kit = await AgreementTestKit.start();
    await kit.publishProject('PRJ-1', 'US-001');
    await kit.publishProject('PRJ-T', 'US-TPL');
    await kit.reference([
      ['/agreement-groups', { code: 'STD', description: 'Standard' }],
      ['/service-intervals', { code: 'W1', description: 'Weekly', unit: 'week', frequency: 1 }],
      ['/service-objects', { code: 'X-1', description: 'Boiler' }],
      ['/service-objects', { code: 'X-2', description: 'Chiller' }],
      ['/service-tasks', { code: 'INSPECT', description: 'Inspect' }],
      ['/template-groups', { code: 'TPL', description: 'Templates' }],
      ['/template-groups', { code: 'TPL-HEAT', description: 'Heating', parentId: 'TPL' }],
    ]);
    await kit.createAgreement('SA-SRC');
    await kit.addLine('SA-SRC', { description: 'Inspect the boiler', objectId: 'X-1', intervalId: 'W1' });
    await kit.addLine('SA-SRC', { description: 'Old check' });
    await kit.addLine('SA-SRC', { description: 'Clean the chiller', objectId: 'X-2' });
    expect((await kit.http('POST', '/service-agreements/SA-SRC/lines/2/stop', undefined, { 'if-match': await kit.etag('SA-SRC') })).status).toBe(200);
    await kit.http('POST', '/service-agreements/SA-SRC/object-relations', { objectId: 'X-1', reference: 'Basement' }, { 'if-match': await kit.etag('SA-SRC') });
    await kit.http('POST', '/service-agreements/SA-SRC/task-relations', { taskId: 'INSPECT', internalNote: 'Bring the ladder' }, { 'if-match': await kit.etag('SA-SRC') });
  });

  afterAll(() => kit.close());

  it('appends copies of the lines that are not stopped, needs If-Match, and adds no relations unless asked', async () => {
    await kit.createAgreement('SA-DST');
    await kit.addLine('SA-DST', { description: 'Own line' });
    await kit.http('POST', '/service-agreements/SA-DST/object-relations', { objectId: 'X-1', reference: 'Roof' }, { 'if-match': await kit.etag('SA-DST') });
    expect((await kit.http('POST', '/service-agreements/SA-DST/copy-lines', { fromAgreementId: 'SA-SRC' })).status).toBe(428);
    expect((await kit.http('POST', '/service-agreements/SA-DST/copy-lines', { fromAgreementId: 'SA-SRC' }, { 'if-match': '"1"' })).status).toBe(412);

    const etag = await kit.etag('SA-DST');
    const res = await copy('SA-DST', { fromAgreementId: 'SA-SRC' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    expect(res.body.lines.map((l: { lineNum: number; description: string }) => [l.lineNum, l.description])).toEqual([
      [1, 'Own line'],
      [2, 'Inspect the boiler'],
      [3, 'Clean the chiller'],
    ]);
    expect(res.body.lines[1]).toMatchObject({ objectId: 'X-1', intervalId: 'W1', stopped: false });
    expect(res.body.objectRelations).toEqual([{ objectId: 'X-1', reference: 'Roof' }]);
    expect(res.body.taskRelations).toEqual([]);
  });

  it('copies only the ticked lines and, when asked, adds the relations the target lacks without replacing its own', async () => {
    const res = await copy('SA-DST', { fromAgreementId: 'SA-SRC', lineNums: [3], includeRelations: true });
    expect(res.status).toBe(200);
    expect(res.body.lines.map((l: { description: string }) => l.description)).toEqual(['Own line', 'Inspect the boiler', 'Clean the chiller', 'Clean the chiller']);
    expect(res.body.objectRelations).toEqual([{ objectId: 'X-1', reference: 'Roof' }]);
    expect(res.body.taskRelations).toEqual([{ taskId: 'INSPECT', internalNote: 'Bring the ladder', externalNote: null }]);
  });

  it('refuses a stopped line, an unknown line or agreement, a suspended source or target with 422 naming the field, and changes nothing', async () => {
    await kit.createAgreement('SA-REF');
    const before = await kit.etag('SA-REF');
    const field = async (body: object, id = 'SA-REF') => {
      const res = await copy(id, body);
      expect(res.status).toBe(422);
      return res.body.errors[0].field;
    };
    expect(await field({ fromAgreementId: 'SA-SRC', lineNums: [2] })).toBe('lineNums');
    expect(await field({ fromAgreementId: 'SA-SRC', lineNums: [99] })).toBe('lineNums');
    expect(await field({ fromAgreementId: 'SA-NOPE' })).toBe('fromAgreementId');
    expect(await field({ fromAgreementId: 'SA-REF' })).toBe('fromAgreementId');
    const bad = await copy('SA-REF', { fromAgreementId: 'SA-SRC', lineNums: [0] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'lineNums' })]);

    await kit.createAgreement('SA-OFF');
    await kit.addLine('SA-OFF', { description: 'Paused work' });
    expect((await kit.http('POST', '/service-agreements/SA-OFF/suspend', undefined, { 'if-match': await kit.etag('SA-OFF') })).status).toBe(200);
    expect(await field({ fromAgreementId: 'SA-OFF' })).toBe('fromAgreementId');
    expect(await field({ fromAgreementId: 'SA-SRC' }, 'SA-OFF')).toBe('agreementId');
    expect(await kit.etag('SA-REF')).toBe(before);
    expect(await lines('SA-REF')).toEqual([]);
  });

  it('copies template lines with the template\'s object and task relations, and lists the templates of a group', async () => {
    await kit.createAgreement('TPL-BOILER', { projectId: 'PRJ-T', templateGroupId: 'TPL-HEAT', description: 'Boiler care' });
    await kit.addLine('TPL-BOILER', { description: 'Yearly boiler service', objectId: 'X-1', intervalId: 'W1' });
    await kit.http('POST', '/service-agreements/TPL-BOILER/object-relations', { objectId: 'X-1', reference: 'Boiler room' }, { 'if-match': await kit.etag('TPL-BOILER') });
    await kit.http('POST', '/service-agreements/TPL-BOILER/task-relations', { taskId: 'INSPECT', externalNote: 'Yearly' }, { 'if-match': await kit.etag('TPL-BOILER') });
    const listed = await kit.http('GET', '/service-agreements?templateGroupId=TPL-HEAT');
    expect(listed.body.items.map((a: { agreementId: string }) => a.agreementId)).toEqual(['TPL-BOILER']);

    await kit.createAgreement('SA-NEW');
    const res = await copy('SA-NEW', { templateId: 'TPL-BOILER' }, 'copy-template-lines');
    expect(res.status).toBe(200);
    expect(res.body.lines).toEqual([expect.objectContaining({ lineNum: 1, description: 'Yearly boiler service', objectId: 'X-1' })]);
    expect(res.body.objectRelations).toEqual([{ objectId: 'X-1', reference: 'Boiler room' }]);
    expect(res.body.taskRelations).toEqual([{ taskId: 'INSPECT', internalNote: null, externalNote: 'Yearly' }]);

    const notTemplate = await copy('SA-NEW', { templateId: 'SA-SRC' }, 'copy-template-lines');
    expect(notTemplate.status).toBe(422);
    expect(notTemplate.body.errors).toEqual([expect.objectContaining({ field: 'templateId' })]);
  });

  it('never generates orders from a template: a run for it by name is refused and a batch run passes it by', async () => {
    const byName = await kit.http('POST', '/generation-runs', { from: '2012-04-01', to: '2012-04-30', agreementId: 'TPL-BOILER' });
    expect(byName.status).toBe(422);
    expect(byName.body.errors).toEqual([expect.objectContaining({ field: 'agreementId' })]);
    const started = await kit.http('POST', '/generation-runs', { from: '2012-04-01', to: '2012-04-30', customerAccount: 'US-TPL' });
    expect(started.status).toBe(202);
    const run = await waitFor(async () => {
      const r = (await kit.http('GET', `/generation-runs/${started.body.runId}`)).body;
      return r.status === 'completed' ? r : null;
    }, { what: 'the batch run' });
    expect(run).toMatchObject({ agreementsTotal: 0, ordersRequested: 0 });
    expect(await kit.svc.db.query(`SELECT 1 FROM generated_orders WHERE agreement_id = 'TPL-BOILER'`)).toEqual([]);
  });

  it('refuses to make an agreement a template in a group that does not exist (422 naming templateGroupId)', async () => {
    const res = await kit.http('POST', '/service-agreements', { agreementId: 'TPL-X', description: 'x', projectId: 'PRJ-1', groupId: 'STD', startDate: '2012-01-01', templateGroupId: 'NOPE' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'templateGroupId' })]);
  });
});
