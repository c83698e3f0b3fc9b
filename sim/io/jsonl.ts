/** JSON Lines: one JSON object per line. Non-finite numbers become null (JSON has no NaN). */
export function jsonlLine(record: Record<string, unknown>): string {
  return JSON.stringify(record) + '\n';
}
