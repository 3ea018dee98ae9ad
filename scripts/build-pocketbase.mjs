// `npm run pocketbase:build`: builds PocketBase from server/ (or finds the cached build) and prints its path.
import { pocketbaseBinary } from './lib/pocketbase-binary.mjs';

console.log(pocketbaseBinary());
