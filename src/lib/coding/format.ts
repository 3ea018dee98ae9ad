/** Numbers the way Norwegians read them: 0,8 and 80 %. */
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'medium', timeStyle: 'short' });

export const formatPercent = (fraction: number) => percent.format(fraction);
export const formatDecimal = (value: number) => decimal.format(value);
export const formatKappa = (value: number | null) => (value === null ? '–' : twoDecimals.format(value));
const shortDate = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'short' });
export const formatShortDate = (iso: string) => shortDate.format(new Date(iso.replace(' ', 'T')));
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso.replace(' ', 'T')));
