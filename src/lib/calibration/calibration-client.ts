/** Calibration rounds in the styrer networks: our routes (pb_hooks/calibration.pb.js), checked with zod. */
import * as z from 'zod/mini';
// jitless before any parse: the CSP forbids eval (zod-no-eval.ts).
import '../zod-no-eval';
import type PocketBase from 'pocketbase';

const roundSchema = z.object({
  id: z.string(),
  nettverk: z.string(),
  vignette: z.object({ slug: z.string(), title: z.string(), ageGroup: z.string(), dimensions: z.array(z.string()) }),
  opened: z.string(),
  closesAt: z.string(),
  closedAt: z.nullable(z.string()),
  closed: z.boolean(),
  submitted: z.number(),
});
export type CalibrationRound = z.infer<typeof roundSchema>;

const overviewSchema = z.object({
  certified: z.boolean(),
  certifiedUntil: z.nullable(z.string()),
  network: z.nullable(z.object({ id: z.string(), name: z.string() })),
  leads: z.array(z.object({ id: z.string(), name: z.string(), observers: z.number(), rounds: z.array(roundSchema) })),
  rounds: z.array(z.extend(roundSchema, { mine: z.boolean() })),
});
export type CalibrationOverview = z.infer<typeof overviewSchema>;
export type LedNetwork = CalibrationOverview['leads'][number];

const roundViewSchema = z.extend(roundSchema, {
  networkName: z.string(),
  observers: z.number(),
  leads: z.boolean(),
  mine: z.boolean(),
  canCode: z.boolean(),
});
export type RoundView = z.infer<typeof roundViewSchema>;

const agreementSchema = z.object({ codes: z.number(), withinOne: z.number(), exact: z.number(), weightedKappa: z.nullable(z.number()) });
export type Agreement = z.infer<typeof agreementSchema>;

const resultSchema = z.object({
  id: z.string(),
  networkName: z.string(),
  vignette: z.object({ slug: z.string(), title: z.string() }),
  closedAt: z.string(),
  participants: z.number(),
  minParticipants: z.number(),
  shown: z.boolean(),
  agreement: z.nullable(agreementSchema),
  dimensions: z.array(
    z.object({
      dimension: z.string(),
      master: z.nullable(z.number()),
      justification: z.string(),
      distribution: z.nullable(z.array(z.number())),
      mine: z.nullable(z.number()),
    }),
  ),
  history: z.array(z.object({ id: z.string(), title: z.string(), closedAt: z.string(), participants: z.number(), agreement: z.nullable(agreementSchema) })),
});
export type CalibrationResult = z.infer<typeof resultSchema>;
export type HistoryPoint = CalibrationResult['history'][number];

const json = { headers: { 'Content-Type': 'application/json' } };
const id = (s: string) => encodeURIComponent(s);

export async function calibrationOverview(pb: PocketBase): Promise<CalibrationOverview> {
  return overviewSchema.parse(await pb.send('/api/tettpa/calibration', { method: 'GET' }));
}

export async function openCalibrationRound(pb: PocketBase, body: { nettverk: string; vignette: string; closesAt: string }): Promise<CalibrationRound> {
  return roundSchema.parse(await pb.send('/api/tettpa/calibration/rounds', { method: 'POST', body: JSON.stringify(body), ...json }));
}

export async function getCalibrationRound(pb: PocketBase, roundId: string): Promise<RoundView> {
  return roundViewSchema.parse(await pb.send(`/api/tettpa/calibration/rounds/${id(roundId)}`, { method: 'GET' }));
}

export async function submitCalibrationCodes(pb: PocketBase, roundId: string, scores: Record<string, number>): Promise<void> {
  await pb.send(`/api/tettpa/calibration/rounds/${id(roundId)}/codes`, { method: 'POST', body: JSON.stringify({ scores }), ...json });
}

export async function closeCalibrationRound(pb: PocketBase, roundId: string): Promise<CalibrationRound> {
  return roundSchema.parse(await pb.send(`/api/tettpa/calibration/rounds/${id(roundId)}/close`, { method: 'POST', ...json }));
}

export async function calibrationResult(pb: PocketBase, roundId: string): Promise<CalibrationResult> {
  return resultSchema.parse(await pb.send(`/api/tettpa/calibration/rounds/${id(roundId)}/result`, { method: 'GET' }));
}

/** Calls back when the round changes (a submission counted, closed early); returns the unsubscribe function. */
export async function watchCalibrationRound(pb: PocketBase, roundId: string, onChange: () => void): Promise<() => Promise<void>> {
  return pb.collection('calibration_rounds').subscribe(roundId, () => onChange());
}

/** A round closes when a leader closes it or when its time is up; the page cannot wait for an event then. */
export function msUntilClose(round: { closesAt: string; closed: boolean }, now = Date.now()): number | null {
  if (round.closed) return null;
  return Math.max(0, new Date(round.closesAt.replace(' ', 'T')).getTime() - now);
}
