import { describe, expect, it } from 'vitest';
import { keepVisible, toggleSelection } from './selection';

const ids = ['a', 'b', 'c', 'd', 'e'];
const sorted = (s: Set<string>) => [...s].sort();

describe('toggleSelection', () => {
  it('toggles one row on a plain click', () => {
    expect(sorted(toggleSelection(new Set(), ids, 'c', null, false))).toEqual(['c']);
    expect(sorted(toggleSelection(new Set(['c']), ids, 'c', 'c', false))).toEqual([]);
  });

  it('selects the range from the anchor on a shift-click, in either direction', () => {
    expect(sorted(toggleSelection(new Set(['b']), ids, 'd', 'b', true))).toEqual(['b', 'c', 'd']);
    expect(sorted(toggleSelection(new Set(['e']), ids, 'c', 'e', true))).toEqual(['c', 'd', 'e']);
  });

  it('a shift-click on a selected row clears the range', () => {
    expect(sorted(toggleSelection(new Set(ids), ids, 'd', 'b', true))).toEqual(['a', 'e']);
  });

  it('keepVisible drops rows no longer listed', () => {
    expect(sorted(keepVisible(new Set(['a', 'z']), ids))).toEqual(['a']);
  });
});
