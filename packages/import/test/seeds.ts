import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's seeds live beside the repository (`../shared/seeds`), never inside it. */
const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** The Shizuoka 2024 declaration, as Markdown. */
export const shizuokaFr = () => readFileSync(`${SEEDS}002_08bef9b35709208c.txt`, 'utf8');
/** The framing note of the 8th Rencontres, as plain text copied from a PDF. */
export const framingNoteFr = () => readFileSync(`${SEEDS}003_b9d5309667ce2b9b.txt`, 'utf8');
/** Our own Japanese translation of the Shizuoka declaration, block for block. */
export const shizuokaJa = () => readFileSync(`${REPO}tests/bench/fixtures/shizuoka-2024.ja.md`, 'utf8');
