/**
 * Zod compiles a fast parser for object schemas with `new Function` when it may. Our Content
 * Security Policy forbids eval, so the attempt is blocked and reported as a violation on every page
 * that parses an object; jitless parsing gives the same results without trying.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
