/** pip's size formatting (pip._internal.utils.misc.format_size) and the finished rich progress bar of a download. */

export function formatSize(bytes: number): string {
  if (bytes > 1000 * 1000) return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
  if (bytes > 10 * 1000) return `${Math.floor(bytes / 1000)} kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${Math.floor(bytes)} bytes`;
}

/**
 * The bar pip leaves behind for a download over 512 kB (smaller ones get none): 40 heavy rules, done/total and speed
 * in decimal units as rich's DownloadColumn and TransferSpeedColumn print them.
 */
export function finishedBar(bytes: number, bytesPerSecond: number): string {
  const unit = bytes >= 1e6 ? 'MB' : 'kB';
  const div = unit === 'MB' ? 1e6 : 1e3;
  const size = (bytes / div).toFixed(1);
  const speed = bytesPerSecond >= 1e6 ? `${(bytesPerSecond / 1e6).toFixed(1)} MB/s` : `${(bytesPerSecond / 1e3).toFixed(1)} kB/s`;
  return `   ${'━'.repeat(40)} ${size}/${size} ${unit} ${speed} eta 0:00:00\n`;
}

/** A small deterministic number for a name (metadata file sizes, which the index data does not record). */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
