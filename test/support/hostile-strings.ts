/**
 * Strings that JSON writers get wrong: quotes, backslashes, control characters, lone surrogates,
 * emoji, U+2028, non-ASCII letters; short and long (writers take other paths past a length).
 */
import fc from 'fast-check';

export const HOSTILE = ['"', '\\', '\n', '\r', '\t', '\u0000', '\u0008', '\u001f', '\u007f', '\ud800', '\udbff', '\udc00', '\udfff', '😀', '\u2028', '\u2029', '\ufeff', '\ufffd', 'é', '«', '€', '·', '—', 'a', '/', ' '];

/** Any UTF-16 unit (lone surrogates included), hostile ones often, a full code point sometimes. */
const unit = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom('a', 'b', 'z', '0', '.', '-', '_'),
);
/** Short strings (copied character by character when ASCII) and long ones (encoded natively). */
export const hostileString = fc.oneof(fc.string({ unit, maxLength: 12 }), fc.string({ unit, minLength: 38, maxLength: 200 }), fc.string({ maxLength: 60 }));
