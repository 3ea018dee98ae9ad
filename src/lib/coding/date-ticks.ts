/**
 * Which points of a chart get their date written under the axis: all of them when they fit,
 * otherwise the first, the last and evenly spaced ones between, at most `max` in all.
 */
export function dateTicks(count: number, max: number): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const steps = Math.max(1, max - 1);
  return [...new Set(Array.from({ length: steps + 1 }, (_, k) => Math.round((k * (count - 1)) / steps)))];
}
