/**
 * `label-cae/remark`: the reference Markdown tokenizer on remark-parse, kept out of the default
 * graph (unified and its 50 packages load only here). Pass it as `{ tokenizer: remarkBlocks }` to
 * the `parse…Files` parsers to compare with the built-in line scanner.
 */
export { remarkBlocks } from './markdown/remark-blocks.js';
export type { MdBlock, Tokenizer } from './markdown/blocks.js';
