import type { ImportSourcesBody } from '@accord/protocol/rest/import';

type Source = NonNullable<ImportSourcesBody['fr']>;

/** A chosen file as the import API takes it: Word in base64, Markdown and text as they are. */
export async function readImportFile(file: File): Promise<Source> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.docx')) return { format: 'docx', content: toBase64(new Uint8Array(await file.arrayBuffer())) };
  return { format: name.endsWith('.md') || name.endsWith('.markdown') ? 'markdown' : 'text', content: await file.text() };
}

function toBase64(bytes: Uint8Array): string {
  // btoa takes a "binary string"; built in slices, as one call per byte would be slow on 9 MB.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
