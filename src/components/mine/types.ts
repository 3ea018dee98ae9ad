export interface CheckSummary {
  date: string;
  passed: boolean;
  withinOne: number;
}
