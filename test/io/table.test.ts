import { describe, expect, it } from 'vitest';
import { formatTable } from '../../sim/io/table';
import { formatChange, formatInterval, formatNumber } from '../../sim/io/number';

describe('report formatting', () => {
  it('aligns columns: first left, others right', () => {
    const text = formatTable({ title: 'T', header: ['', 'a', 'bb'], rows: [['COL', '1', '22'], ['PERU', '333', '4']] });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('T');
    expect(lines.slice(1).map((l) => l.length)).toEqual([13, 13, 13, 13]);
    expect(lines[3]).toBe('COL     1  22');
    expect(lines[4]).toBe('PERU  333   4');
  });

  it('formats numbers with about three significant figures', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234567)).toBe('1.23M');
    expect(formatNumber(15230)).toBe('15.2k');
    expect(formatNumber(950)).toBe('950');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(-2.5e9)).toBe('-2.50G');
    expect(formatNumber(0.0123)).toBe('0.012');
    expect(formatNumber(NaN)).toBe('n/a');
  });

  it('formats changes and intervals', () => {
    expect(formatChange(100, 150)).toBe('+50%');
    expect(formatChange(100, 95)).toBe('-5%');
    expect(formatChange(0, 5)).toBe('n/a');
    expect(formatInterval(10, 8, 12)).toBe('10.0 [8.00, 12.0]');
    expect(formatInterval(10)).toBe('10.0');
  });
});
