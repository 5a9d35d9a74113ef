import { LANGS } from '@accord/model/declarationLayout';
import { WORKFLOW } from '@accord/permissions/writeTarget';
import { isRole } from '@accord/permissions/roles';
import * as Y from 'yjs';
import { DRAFT, SECTION_STATES, type SectionRecord, type SectionState, type SendBack, type Stamp } from './sectionWorkflow';

/** The declaration's adoption (W6): who adopted which text, and the version saved for it. */
export interface Adoption {
  by: string;
  at: string;
  /** SHA-256 of the declaration's canonical JSON, as versions hash it. */
  hash: string;
  versionId: string;
}

export interface WorkflowState {
  sections: Map<string, SectionRecord>;
  adoption: Adoption | null;
}

const ADOPTION = 'adoption';
const SECTION_KEY = 'section/';
const sectionKey = (sectionId: string) => SECTION_KEY + sectionId;

export function getWorkflow(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(WORKFLOW);
}

/** Reads the workflow map; entries of a foreign shape read as a draft (or no adoption), never throw. */
export function readWorkflow(doc: Y.Doc): WorkflowState {
  const map = getWorkflow(doc);
  const sections = new Map<string, SectionRecord>();
  map.forEach((value, key) => {
    if (key.startsWith(SECTION_KEY)) sections.set(key.slice(SECTION_KEY.length), parseRecord(value));
  });
  return { sections, adoption: readAdoption(doc) };
}

/** The adoption alone: what the server checks before every update (A10), without the sections. */
export function readAdoption(doc: Y.Doc): Adoption | null {
  return parseAdoption(getWorkflow(doc).get(ADOPTION));
}

export function sectionRecord(state: WorkflowState, sectionId: string): SectionRecord {
  return state.sections.get(sectionId) ?? DRAFT;
}

/** Server only (A9). */
export function writeSectionRecord(doc: Y.Doc, sectionId: string, record: SectionRecord): void {
  getWorkflow(doc).set(sectionKey(sectionId), record);
}

/** Server only (A9); `null` lifts the adoption (W7). */
export function writeAdoption(doc: Y.Doc, adoption: Adoption | null): void {
  if (adoption) getWorkflow(doc).set(ADOPTION, adoption);
  else getWorkflow(doc).delete(ADOPTION);
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function parseStamp(value: unknown): Stamp | undefined {
  if (!isObject(value) || !isString(value.by) || !isRole(value.role) || !isString(value.at) || !isString(value.hash)) return undefined;
  return { by: value.by, role: value.role, at: value.at, hash: value.hash };
}

function parseSendBack(value: unknown): SendBack | undefined {
  if (!isObject(value) || !isString(value.by) || !isRole(value.role) || !isString(value.at) || !isString(value.comment)) return undefined;
  return { by: value.by, role: value.role, at: value.at, comment: value.comment };
}

function parseRecord(value: unknown): SectionRecord {
  if (!isObject(value) || !(SECTION_STATES as readonly unknown[]).includes(value.state)) return DRAFT;
  const validations: SectionRecord['validations'] = {};
  const raw = isObject(value.validations) ? value.validations : {};
  for (const side of LANGS) {
    const stamp = parseStamp(raw[side]);
    if (stamp) validations[side] = stamp;
  }
  const record: SectionRecord = { state: value.state as SectionState, validations };
  const submitted = parseStamp(value.submitted);
  const approval = parseStamp(value.approval);
  const sentBack = parseSendBack(value.sentBack);
  if (submitted) record.submitted = submitted;
  if (approval) record.approval = approval;
  if (sentBack) record.sentBack = sentBack;
  return record;
}

function parseAdoption(value: unknown): Adoption | null {
  if (!isObject(value) || !isString(value.by) || !isString(value.at) || !isString(value.hash) || !isString(value.versionId)) return null;
  return { by: value.by, at: value.at, hash: value.hash, versionId: value.versionId };
}
