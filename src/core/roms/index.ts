/**
 * The ROM layer without node:fs: manifests, sources (zip, memory), hashing, audit and loading. Safe to
 * import in a browser Web Worker. Node code adds `./rompath-node` for folders and zip files on disk.
 */
export { RomError } from './errors';
export { crc32, crcHex, sha1Hex } from './hash';
export { parseManifest, parentChain, type RomEntry, type RomManifest } from './manifest';
export { emptySource, memorySource, zipSource, ZIP_LIMITS, type RomFileInfo, type RomSource } from './source';
export { auditSet, loadSet, verdictLine, type AuditReport, type FileAudit, type FileStatus } from './audit';
