import { nb, type StringKey } from './nb';
import { makeTranslator } from './translate';

// In the browser build each importer gets its own smaller copy of this module, holding only the
// strings it names (scripts/lib/island-strings.mjs); nb stays the one source of every string.
export const { t, tCount } = makeTranslator<StringKey>(nb);
