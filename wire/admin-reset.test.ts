import { describe, expect, it } from 'vitest';
import { createWorld } from '../model';
import { buildServer } from './server';
import { Simulation } from './simulation';
import { resolveOptions } from './types';

/** POST /__harness/reset: back to the starting world, or a fresh world of a seed and faults (fastify inject). */

describe('the administration API: reset', () => {
  const options = resolveOptions();
  const simulation = new Simulation(createWorld({ seed: 3 }), options);
  const app = buildServer(simulation, options);
  const post = (url: string, payload?: unknown) => app.inject({ method: 'POST', url, ...(payload !== undefined ? { payload: payload as object } : {}) });

  it('starts a fresh world of the seed and faults it is given, and goes back to the starting world without a body', async () => {
    await post('/__harness/commands', { type: 'addAccount', account: 'Acme', kind: 'production' });
    expect((await post('/__harness/reset', { seed: 9, faults: ['AUTH-03'] })).statusCode).toBe(200);
    expect(simulation.world.config).toMatchObject({ seed: 9, faults: ['AUTH-03'] });
    expect(simulation.world.accounts).toEqual({});
    expect((await post('/__harness/reset')).statusCode).toBe(200);
    expect(simulation.world.config).toMatchObject({ seed: 3, faults: [] });
  });

  it('refuses a body it cannot read, naming what it accepts, and changes nothing', async () => {
    const before = simulation.world;
    const res = await post('/__harness/reset', { seed: 1.5, faults: ['NOPE'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatch(/seed.*faults|faults.*seed/s);
    expect(res.json().error).toContain('"AUTH-03"');
    expect(simulation.world).toBe(before);
  });
});
