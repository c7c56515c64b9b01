/**
 * The ingest stage: what users hand us (plain text, Markdown with front matter, saved HTML pages, JSONL batches,
 * stdin, folders, globs) → `Document`s with cleaned text, blocks, metadata and a map from every cleaned character
 * back to its UTF-16 offset in the file as it is on disk.
 *
 * Decisions worth knowing:
 *  - Offsets are into the decoded file with its BOM as char 0 (Python's `open(f, encoding='utf-8', newline='')`
 *    view; UTF-16 files keep their BOM as char 0 too) and line ends as they are.
 *  - Invalid UTF-8: a `decode` error naming the first bad byte, and the text decoded lossily (U+FFFD) so the rest
 *    is still checked. An HTML page that declares a legacy charset (windows-1252 ...) is decoded with it instead.
 *  - Cleaned text = the kept blocks joined by a blank line ("\n\n"); the separator maps to the empty span at the
 *    end of the block before it. Use `segments` rather than splitting on it.
 *  - Dates: metadata first (front matter, <meta>, JSON-LD, <time> in the article header, a leading
 *    `date YYYY-MM-DD` header line, the JSONL `date` field); `--date` is the fallback for documents whose metadata
 *    states none; only then an unambiguous dateline/byline at the top of the text (explicit year, first blocks
 *    only; a block holding nothing but that dateline becomes a 'meta' segment).
 *  - Folders and globs yield only article files (.txt .text .md .markdown .html .htm .jsonl .ndjson); a file named
 *    explicitly is read whatever its extension (HTML sniffed).
 *  - JSONL: one Document per non-blank line, id `<file>#<obj.id or line>`; an id repeated in the same file gets
 *    `@<line>` appended so ids stay unique. An optional `format` field ("markdown" / "html") says how to read the
 *    text; HTML is sniffed. `ingestText(..., {format: 'jsonl'})` reads one line; its `id` is the file's id.
 */
import { setHtmlReader } from './document.js';
import { htmlBlocks } from './html.js';

// the library API is synchronous, so it reads HTML with the reader loaded up front (the CLI loads it on demand)
setHtmlReader(htmlBlocks);

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
