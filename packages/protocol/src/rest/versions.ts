import type { DeclarationDiff } from '@accord/diff/diffDeclarations';
import { z } from 'zod';
import { declarationJson } from './declarations';
import { listed } from './listed';

const author = z.string().trim().min(1).max(100).optional();

/** `POST /api/declarations/:id/versions`: a named version. */
export const saveVersionBody = z.object({ label: z.string().trim().min(1, 'a label is required').max(200), author }).strict();
export type SaveVersionBody = z.infer<typeof saveVersionBody>;

/** `POST …/versions/:versionId/restore`. */
export const restoreVersionBody = z.object({ author }).strict();
export type RestoreVersionBody = z.infer<typeof restoreVersionBody>;

/** `adopted`: the version saved when the declaration is adopted (W6); it has no label, each reader names it. */
export const VERSION_KINDS = ['named', 'automatic', 'before-restore', 'before-removal', 'adopted'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const versionSummary = z.object({
  id: z.string(),
  /** Given when saved by hand; null for automatic versions. */
  label: z.string().nullable(),
  kind: z.enum(VERSION_KINDS),
  author: z.string().nullable(),
  /** ISO timestamp. */
  createdAt: z.string(),
  /** SHA-256 of the version's plain JSON, hex: the fingerprint an adoption is bound to (W6). */
  hash: z.string(),
  /**
   * What changed since the version before: passages whose text differs, and the sections holding
   * them. `null` for the first version and for versions made before this was recorded.
   */
  changes: z
    .object({ passages: z.number().int().min(0), sections: z.number().int().min(0) })
    .nullable()
    .catch(null),
});
export type VersionSummary = z.infer<typeof versionSummary>;

/** `GET …/versions`: newest first. */
export const versionList = z.object({ versions: listed(versionSummary) });
export type VersionList = z.infer<typeof versionList>;

/** `201` to saving a version. */
export const savedVersion = z.object({ id: z.string(), hash: z.string() });
export type SavedVersion = z.infer<typeof savedVersion>;

/** `GET …/versions/:versionId`. */
export const versionContent = z.object({ version: versionSummary, declaration: declarationJson });
export type VersionContent = z.infer<typeof versionContent>;

/** `200` to a restore: the version restored from, and the checkpoint saved before it. */
export const restoredVersion = z.object({ restoredFrom: z.string(), checkpoint: z.object({ id: z.string(), hash: z.string() }) });
export type RestoredVersion = z.infer<typeof restoredVersion>;

// As for a declaration: the shape is @accord/diff's own type; the outline catches a proxy's page.
const diffOutline = z.looseObject({ sections: z.array(z.unknown()), summary: z.looseObject({}) });

/** `GET …/diff?from=&to=`: aligned FR/JA diffs. */
export const declarationDiff = z.custom<DeclarationDiff>((value) => diffOutline.safeParse(value).success);
