// Integration and system tests start real services, restart the broker and wait for events:
// their waits are bounded by waitFor() deadlines, so Jest's own 5 s default only gets in the way.
jest.setTimeout(120_000);
