/** Driver status flags (MAME's machine flags) as `arcade list` and the app show them, in MAME's words. */
import { describe, expect, it } from 'vitest';
import { listEntries } from '../../src/cli/commands/list';
import { statusLabels } from '../../src/core/describe';

describe('driver status flags', () => {
  it('are listed in MAME\'s words and order; unknown flags keep their key', () => {
    expect(statusLabels({ imperfectSound: true, notWorking: true, noCocktail: false })).toEqual(['not working', 'imperfect sound']);
    expect(statusLabels({ unemulatedProtection: true, somethingNew: true })).toEqual(['unemulated protection', 'somethingNew']);
    expect(statusLabels({})).toEqual([]);
  });

  it('every listed set carries its flags (arcade list --json)', () => {
    for (const row of listEntries()) expect(row.flags).toEqual(statusLabels(row.status));
  });
});
