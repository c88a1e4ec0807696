import { describe, expect, it } from 'vitest';
import { BUILT } from './support/suite.ts';
import { NO_DIST_REASON } from './support/server.ts';

// The other end-to-end files skip when there is no built site; this one fails, so a run without the site is never green.
describe('the built site', () => {
  it('exists, so the end-to-end tests ran', () => {
    expect(BUILT, `end-to-end tests ${NO_DIST_REASON}`).toBe(true);
  });
});
