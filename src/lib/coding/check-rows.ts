/** The learner's own reliability checks, newest first: read by Min side, checked by hand (shape.ts). */
import type { ServerApi } from '../pocketbase/server-api';
import { bool, fields, list, text } from '../shape';

export interface CheckRow {
  id: string;
  created: string;
  ageGroup: string;
  cycles: string[];
  submitted: string[] | null;
  complete: boolean;
  passed: boolean;
}

const slugs = (item: unknown) => {
  if (typeof item !== 'string') throw new Error('syklus er ikke tekst');
  return item;
};

function readCheckRow(value: unknown): CheckRow {
  const o = fields(value);
  return {
    id: text(o, 'id'),
    created: text(o, 'created'),
    ageGroup: text(o, 'ageGroup'),
    cycles: list(o, 'cycles', slugs),
    submitted: o.submitted === null ? null : list(o, 'submitted', slugs),
    complete: bool(o, 'complete'),
    passed: bool(o, 'passed'),
  };
}

export async function myChecks(pb: ServerApi, userId: string): Promise<CheckRow[]> {
  const rows = await pb.collection('reliability_checks').getFullList({ filter: pb.filter('user = {:u}', { u: userId }), sort: '-created', fields: 'id,created,ageGroup,cycles,submitted,complete,passed' });
  return rows.map(readCheckRow);
}
