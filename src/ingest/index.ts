/**
 * The ingest stage: what users hand us (plain text, Markdown with front matter, saved HTML pages, JSONL batches,
 * stdin, folders, globs) → `Document`s with cleaned text, blocks, metadata and a map from every cleaned character
 * back to its UTF-16 offset in the file as it is on disk.
 *
 * Dates: metadata first (front matter, <meta>, JSON-LD, <time> in the article header, a leading
 * `date YYYY-MM-DD` header line, the JSONL `date` field); `--date` is the fallback for documents whose metadata
 * states none; only then an unambiguous dateline/byline at the top of the text (with an explicit year).
 */
export { decode, type Decoded } from './decode.js';
export {
  ingestText,
  ingestJsonlLine,
  formatFor,
  looksLikeHtml,
  errorDocument,
  ARTICLE_EXTENSIONS,
  type IngestTextOptions,
  type JsonlLineOptions,
} from './document.js';
export { ingestPaths, documentId, type IngestPathsOptions } from './paths.js';
export { RunMap, MapBuilder, LineIndex, lineColumn, fileLineColumn, composeMaps, type Piece, type Runs } from './offsets.js';
export { normalizeDate } from './dates.js';
export { defaultBoilerplate, loadBoilerplate, compileBoilerplate, boilerplatePath, type Boilerplate, type BoilerplateData } from './lexicon.js';
